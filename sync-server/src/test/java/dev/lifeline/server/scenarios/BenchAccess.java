package dev.lifeline.server.scenarios;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskState;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The recovery harness, opened to the benchmark harnesses in {@code dev.lifeline.bench}. */
public final class BenchAccess implements AutoCloseable {

    private final RecoveryHarness harness;
    private final Set<String> finished = new HashSet<>();

    private BenchAccess(RecoveryHarness harness) {
        this.harness = harness;
    }

    public static BenchAccess start() {
        RecoveryHarness harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        harness.cluster.startReconcilers(Duration.ofSeconds(1));
        return new BenchAccess(harness);
    }

    /** A customer calls in and {@code identity} answers on a fresh softphone. */
    public Call callAnsweredBy(String identity) throws Exception {
        TestSoftphone phone = harness.softphone(identity);
        String customer = harness.customerTalkingTo(identity, phone);
        return new Call(identity, customer, phone);
    }

    public Incident awaitIncident(Predicate<Incident> condition) {
        return Await.present("an incident matching the condition",
                () -> harness.cluster.liveEngine().incidents().all().stream().filter(condition).findFirst());
    }

    public boolean seen(Incident incident) {
        return finished.contains(incident.incidentId());
    }

    public void remember(Incident incident) {
        finished.add(incident.incidentId());
    }

    public Reservation pendingReservation(String identity, Predicate<TaskState> task) {
        return harness.agents.awaitPendingReservation(identity, task);
    }

    public void acceptPlain(Reservation reservation) {
        harness.agents.acceptPlain(reservation);
    }

    public void acceptVoice(String identity, Reservation reservation) {
        harness.agents.acceptVoice(identity, reservation);
    }

    @Override
    public void close() {
        harness.close();
    }

    /** One customer call and the agent's current softphone. */
    public final class Call {
        private final String identity;
        private final String customer;
        private TestSoftphone phone;

        private Call(String identity, String customer, TestSoftphone phone) {
            this.identity = identity;
            this.customer = customer;
            this.phone = phone;
        }

        public void dropAgent() {
            phone.drop();
        }

        public void restartDesktop() throws Exception {
            phone = harness.softphone(identity);
        }

        public void awaitBridged() {
            Await.until("customer bridged with " + identity, () -> {
                Optional<String> conference = harness.world.conferenceOf(customer);
                return conference.isPresent() && phone.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(conference));
            });
        }

        /** Ends the call and finishes its task so the agent is free for the next round. */
        public void hangUpEverything() {
            harness.sim.voice().hangUp(customer);
            Await.until("the customer's call ended", () -> "completed".equals(harness.sim.voice().callStatus(customer)));
            String task = (String) harness.world.reconnectTaskOf(customer).get("sid");
            Await.until("the reconnect task is wrapping", () -> "wrapping".equals(harness.taskRouter.fetchTask(task).assignmentStatus()));
            harness.taskRouter.completeTask(task, "benchmark round over");
            phone.close();
        }
    }
}
