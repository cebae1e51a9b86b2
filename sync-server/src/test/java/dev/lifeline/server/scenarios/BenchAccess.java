package dev.lifeline.server.scenarios;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskState;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.function.Predicate;

/** The recovery harness, opened to the benchmark harnesses in {@code dev.lifeline.bench}. */
public final class BenchAccess implements AutoCloseable {

    private final RecoveryHarness harness;
    private final Set<String> finished = new HashSet<>();

    private BenchAccess(RecoveryHarness harness) {
        this.harness = harness;
    }

    public static BenchAccess start() {
        return start(RecoveryStrategy.REQUEUE);
    }

    /** One member, the product's TTL and deadline, reconcilers every second, agents brought back the given way. */
    public static BenchAccess start(RecoveryStrategy strategy) {
        RecoveryHarness harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(15), Duration.ofSeconds(120))
                .strategy(strategy));
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

    /** See {@link AgentDesks#phoneReady}: the restarted desktop says it is back (rejoin). */
    public void phoneReady(String identity, String incidentId) {
        harness.agents.phoneReady(identity, incidentId);
    }

    /** See {@link AgentDesks#waitsForAgent}. */
    public boolean waitsForAgent(Incident incident) {
        return harness.agents.waitsForAgent(incident);
    }

    /** How many requests the server has sent to Twilio so far. */
    public int restCallCount() {
        return harness.restCalls.size();
    }

    /** The server's requests to Twilio since {@code from} (a count taken earlier), described one per line. */
    public List<String> restCallsSince(int from) {
        List<RestCallLog.Call> calls = harness.restCalls.calls();
        return calls.subList(Math.min(from, calls.size()), calls.size()).stream().map(RestCallLog.Call::toString).toList();
    }

    /**
     * How many of the server's requests since {@code from} it took until the customer could hear the agent: up to and
     * including the one that did it — with rejoin the customer's unhold ({@code Hold=false}), with requeue the
     * reconnect's conference instruction (the customer is bridged when the agent's leg answers it). What follows it
     * (tagging the task, completing the ping) is off the critical path. -1 if no such request was made.
     */
    public int restCallsUntilHeard(int from, RecoveryStrategy strategy, String customerCallSid) {
        List<RestCallLog.Call> calls = harness.restCalls.calls();
        int last = -1;
        for (int i = from; i < calls.size(); i++) {
            RestCallLog.Call call = calls.get(i);
            boolean heard = strategy == RecoveryStrategy.REJOIN
                    ? call.method().equals("POST") && call.path().endsWith("/Participants/" + customerCallSid + ".json")
                            && call.form().contains("Hold=false")
                    : call.method().equals("POST") && call.path().contains("/Reservations/") && call.form().contains("Instruction=conference");
            if (heard) {
                last = i;
            }
        }
        return last < 0 ? -1 : last - from + 1;
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

        public String customer() {
            return customer;
        }

        /** The customer hears the agent: in one conference with the agent's live leg, and not on hold. */
        @SuppressWarnings("unchecked")
        public void awaitHeard() {
            Await.present("customer hears " + identity, () -> {
                for (Map<String, Object> conference : harness.world.conferences()) {
                    List<Map<String, Object>> parties = (List<Map<String, Object>>) conference.get("participants");
                    boolean customerListening = parties.stream().anyMatch(p -> customer.equals(p.get("callSid"))
                            && !Boolean.TRUE.equals(p.get("hold")));
                    boolean agentThere = parties.stream().anyMatch(p -> phone.connectedCalls().contains(p.get("callSid")));
                    if (customerListening && agentThere && !"completed".equals(conference.get("status"))) {
                        return Optional.of(true);
                    }
                }
                return Optional.empty();
            }, Duration.ofSeconds(60), Duration.ofMillis(5));
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
            // With rejoin the agent is back on the original task; with requeue on the reconnect task.
            String task = harness.agents.strategy() == RecoveryStrategy.REJOIN
                    ? harness.world.tasksOfCall(customer).stream().map(t -> (String) t.get("sid")).findFirst().orElseThrow()
                    : (String) harness.world.reconnectTaskOf(customer).get("sid");
            Await.until("the agent's task is wrapping", () -> "wrapping".equals(harness.taskRouter.fetchTask(task).assignmentStatus()));
            harness.taskRouter.completeTask(task, "benchmark round over");
            phone.close();
        }
    }
}
