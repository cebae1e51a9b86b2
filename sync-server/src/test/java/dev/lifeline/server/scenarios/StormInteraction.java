package dev.lifeline.server.scenarios;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.ReservationState;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One customer and one agent of the storm, played as the agent's desktop would: answer the call, then crash,
 * come back and accept the ping and the reconnect — or one of the side exits of {@link StormScenario}. Each
 * step waits for what a desktop would see (a reservation offered, an incident phase) before acting.
 */
final class StormInteraction {

    private final RecoveryHarness harness;
    private final int index;
    private final StormScenario scenario;
    private final String identity;
    private final Duration patience;
    private final Duration every;
    private TestSoftphone phone;
    private String customer;
    private String conferenceSid;

    StormInteraction(RecoveryHarness harness, int index, Duration patience, Duration every) {
        this.harness = harness;
        this.index = index;
        this.scenario = StormScenario.forIndex(index);
        this.identity = identity(index);
        this.patience = patience;
        this.every = every;
    }

    static String identity(int index) {
        return String.format("agent-%03d", index);
    }

    int index() {
        return index;
    }

    StormScenario scenario() {
        return scenario;
    }

    String identity() {
        return identity;
    }

    String customer() {
        return customer;
    }

    /**
     * A customer calls in for this agent only ({@code targetWorkerSid}, so hundreds of calls ring at once without
     * racing for agents) and the agent answers; returns once the engine has registered the agent's leg.
     */
    void connect() throws Exception {
        phone = harness.softphone(identity);
        harness.agents.makeAvailable(identity);
        String from = String.format("+1555%07d", index);
        customer = harness.sim.voice().inboundCall(from, "+15550100000", harness.workspace.voiceWorkflowSid(),
                "{\"from\":\"" + from + "\",\"caller\":\"Storm Customer " + index + "\",\"targetWorkerSid\":\""
                        + harness.agents.worker(identity) + "\"}", null, null);
        Reservation offer = awaitOffer(any -> true);
        harness.agents.acceptVoice(identity, offer);
        TestSoftphone answered = phone;
        waitUntil(identity + "'s leg connected", () -> !answered.connectedCalls().isEmpty());
        conferenceSid = waitFor("the conference of " + identity, () -> harness.voice.conferenceSidByName(offer.getTaskSid()));
        waitUntil(identity + " registered in " + conferenceSid, () -> harness.cluster.liveEngine().conference(conferenceSid)
                .map(c -> c.participants().values().stream().anyMatch(p -> p.worker() != null
                        && p.worker().workerSid().equals(harness.agents.worker(identity))))
                .orElse(false));
    }

    /** Plays the scenario up to its final state; {@link StormScenario#PING_TIMEOUT} stops at PINGING. */
    void play() throws Exception {
        switch (scenario) {
            case RECOVERED -> crashAndComeBack();
            case GRACEFUL_HANG_UP -> hangUpOnPurpose();
            case CUSTOMER_HANG_UP -> customerHangsUpWhilePinged();
            case PING_TIMEOUT -> crashAndStayAway();
        }
    }

    private void crashAndComeBack() throws Exception {
        phone.drop();
        Incident pinging = awaitIncident(Phase.PINGING, harness.agents::waitsForAgent);
        phone = harness.softphone(identity);
        if (harness.agents.strategy() == RecoveryStrategy.REJOIN) {
            harness.agents.phoneReady(identity, pinging.incidentId());
            awaitIncident(Phase.RESTORED, i -> true);
            TestSoftphone rejoined = phone;
            waitUntil("customer " + customer + " and " + identity + " in " + conferenceSid + " again", () -> {
                var present = harness.voice.participants(conferenceSid).stream()
                        .filter(p -> !"completed".equals(p.status())).map(p -> p.callSid()).toList();
                return present.contains(customer) && rejoined.connectedCalls().stream().anyMatch(present::contains);
            });
            return;
        }
        ReservationState ping = awaitOfferOf(pinging.pingTaskSid());
        harness.taskRouter.acceptReservation(ping.taskSid(), ping.sid());
        Incident enqueued = awaitIncident(Phase.RECONNECT_ENQUEUED, i -> i.reconnectTaskSid() != null);
        harness.agents.acceptVoice(identity, fetch(awaitOfferOf(enqueued.reconnectTaskSid())));
        Incident restored = awaitIncident(Phase.RESTORED, i -> true);
        // TaskRouter names a reservation's conference after its task.
        String newConference = waitFor("the reconnect conference of " + identity,
                () -> harness.voice.conferenceSidByName(restored.reconnectTaskSid()));
        TestSoftphone restarted = phone;
        waitUntil("customer " + customer + " bridged with " + identity + " again", () -> {
            var present = harness.voice.participants(newConference).stream()
                    .filter(p -> !"completed".equals(p.status())).map(p -> p.callSid()).toList();
            return present.contains(customer) && restarted.connectedCalls().stream().anyMatch(present::contains);
        });
    }

    private void hangUpOnPurpose() {
        String leg = phone.connectedCalls().get(0);
        harness.cluster.liveEngine().gracefulExit(conferenceSid, leg, GracefulExit.HANG_UP);
        phone.hangUp(leg);
        waitUntil("customer " + customer + " gone with the conference", () -> "completed".equals(harness.sim.voice().callStatus(customer)));
    }

    private void customerHangsUpWhilePinged() {
        phone.drop();
        awaitIncident(Phase.PINGING, harness.agents::waitsForAgent);
        // With rejoin the wait for the agent starts with the drop itself (no ping to create first): the customer
        // hangs up once the hold music plays, as in the requeue run, so both end the same whatever the timing.
        waitUntil("customer " + customer + " on hold", () -> harness.voice.participant(conferenceSid, customer)
                .map(p -> p.hold()).orElse(false));
        harness.sim.voice().hangUp(customer);
        awaitIncident(Phase.CUSTOMER_LEFT, i -> true);
    }

    private void crashAndStayAway() {
        phone.drop();
        awaitIncident(Phase.PINGING, harness.agents::waitsForAgent);
    }

    /** After the emulator's clock passed the ping's TTL: the customer is queued again for anyone. */
    void awaitRequeued() {
        awaitIncident(Phase.REQUEUED, i -> i.reconnectTaskSid() != null);
    }

    // Waiting like a desktop //

    private Incident awaitIncident(Phase phase, Predicate<Incident> ready) {
        return waitFor("the incident of " + identity + " in " + phase, () -> harness.cluster.liveEngine().incidents()
                .incidentOfCustomer(customer)
                .flatMap(id -> harness.cluster.liveEngine().incidents().get(id))
                .filter(i -> i.phase() == phase && ready.test(i)));
    }

    private ReservationState awaitOfferOf(String taskSid) {
        return waitFor("an offer of " + taskSid + " to " + identity, () -> pendingOffer(r -> r.taskSid().equals(taskSid)));
    }

    private Reservation awaitOffer(Predicate<ReservationState> which) {
        return fetch(waitFor("an offer to " + identity, () -> pendingOffer(which)));
    }

    private Optional<ReservationState> pendingOffer(Predicate<ReservationState> which) {
        return harness.taskRouter.workerReservations(harness.agents.worker(identity)).stream()
                .filter(r -> "pending".equals(r.status()) && which.test(r)).findFirst();
    }

    private Reservation fetch(ReservationState reservation) {
        return Reservation.fetcher(harness.workspace.workspaceSid(), reservation.taskSid(), reservation.sid())
                .fetch(harness.client);
    }

    private <T> T waitFor(String what, Supplier<Optional<T>> probe) {
        return Await.present(what, probe, patience, every);
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        waitFor(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
