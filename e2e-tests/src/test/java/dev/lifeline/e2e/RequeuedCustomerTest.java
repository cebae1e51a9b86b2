package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, as it was found: real desktop processes against the server in sim mode, alice's desktop {@code kill -9}ed
 * mid-call and not back within the ping TTL, so her customer is requeued. The requeued customer is an ordinary call
 * for whoever is offered it (it rings and waits for Accept; nothing is accepted by itself), it reaches the next free
 * agent within seconds instead of waiting out a 120 s reservation timeout on the dead desktop, and alice's worker is
 * never routable while her desktop is gone.
 */
class RequeuedCustomerTest extends SimModeDesktopTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    @Override
    protected Map<String, String> serverSettings() {
        // A short ping TTL and presence grace keep the test fast; the grace stays above the desktop's 5 s heartbeat.
        return Map.of("LIFELINE_RECOVERY_PING_TTL", "5s", "LIFELINE_PRESENCE_GRACE", "12s");
    }

    @Test
    void theRequeuedCustomerRingsForBobWithinSecondsAndIsBridgedOnlyWhenHeAccepts() {
        DesktopProcess aliceDesk = sim.desktop("alice", ALICE, "alice-demo");
        DesktopProcess bobDesk = sim.desktop("bob", BOB, "bob-demo");
        aliceDesk.awaitLog("registered sip:" + ALICE + "@", STARTUP);
        bobDesk.awaitLog("registered sip:" + BOB + "@", STARTUP);
        AgentApi alice = online(ALICE, "alice-demo");
        AgentApi bob = online(BOB, "bob-demo");
        busyElsewhere(bob);
        String customer = sim.customerBridgedTo(ALICE, alice, STEP).customerCallSid();

        aliceDesk.kill();
        Incident requeued = requeuedWithAliceFreed(customer);
        String aliceWorker = sim.workerSid(ALICE);
        assertThat(world.activityOf(aliceWorker)).as("alice's desktop is dead: her worker is not made routable")
                .isEqualTo("Offline");

        // Bob becomes free a moment after the requeue, as in the issue: before the fix the customer was already
        // reserved to alice's dead desktop by then and reached bob only after the 120 s reservation timeout.
        bob.setActivity(Activity.AVAILABLE);
        long bobAvailable = System.nanoTime();
        ReservationView offer = Await.value("bob is offered the requeued customer", STEP,
                () -> bob.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        Duration availableToOffered = Duration.ofNanos(System.nanoTime() - bobAvailable);
        Duration requeueToOffered = Duration.between(requeued.timestamps().get(Phase.REQUEUED), Instant.now());

        bobDesk.awaitLog("ringing: reservation " + offer.reservationSid(), STEP);
        assertThat(offer.isPartOfRecovery()).as("an ordinary offer for bob").isFalse();
        assertThat(bobDesk.output()).as("bob's desktop accepts nothing by itself").doesNotContain("auto-accepting");
        assertThat(world.agentLegBridgedWith(customer, BOB)).as("not bridged before bob accepts").isEmpty();
        assertThat(pendingOf(bob, offer)).as("the offer waits for bob").isEqualTo(ReservationStatus.PENDING);

        bob.accept(offer.reservationSid());

        Await.value("the customer bridged to bob's softphone", STEP, () -> world.agentLegBridgedWith(customer, BOB));
        String requeuedTask = world.requeuedTaskOf(customer).orElseThrow();
        assertThat(offer.taskSid()).isEqualTo(requeuedTask);
        assertThat(world.reservationsOf(aliceWorker)).as("alice's dead desktop never held the requeued customer")
                .noneMatch(reservation -> reservation.taskSid().equals(requeuedTask))
                .noneMatch(reservation -> reservation.status().equals("pending"));
        assertThat(world.activityOf(aliceWorker)).isEqualTo("Offline");
        System.out.printf("[e2e figures] requeue to the requeued customer offered to bob: %d ms%n", requeueToOffered.toMillis());
        System.out.printf("[e2e figures] bob Available to offered the requeued customer: %d ms%n", availableToOffered.toMillis());
    }

    @Test
    void aliceRestartedAfterTheTtlIsOfflineAndHerRequeuedCustomerIsAnOrdinaryOffer() {
        DesktopProcess first = sim.desktop("alice-first", ALICE, "alice-demo");
        first.awaitLog("registered sip:" + ALICE + "@", STARTUP);
        AgentApi alice = online(ALICE, "alice-demo");
        SimModeServer.Bridged call = sim.customerBridgedTo(ALICE, alice, STEP);
        String customer = call.customerCallSid();

        first.kill();
        requeuedWithAliceFreed(customer);
        DesktopProcess second = sim.desktop("alice-second", ALICE, "alice-demo");
        second.awaitLog("registered sip:" + ALICE + "@", STARTUP);
        assertThat(alice.state().agent().activity()).as("back after the TTL, alice chooses when to take calls again")
                .isEqualTo("Offline");

        alice.setActivity(Activity.AVAILABLE);
        ReservationView offer = Await.value("alice is offered her requeued customer", STEP,
                () -> alice.state().reservations().stream().filter(ReservationView::isPending).findFirst());

        second.awaitLog("ringing: reservation " + offer.reservationSid(), STEP);
        assertThat(offer.isPartOfRecovery()).as("an ordinary offer, not a reconnect").isFalse();
        assertThat(second.output()).as("nothing accepted by itself").doesNotContain("auto-accepting");
        assertThat(world.agentLegBridgedWith(customer, ALICE)).as("not bridged before alice accepts").isEmpty();
        assertThat(pendingOf(alice, offer)).isEqualTo(ReservationStatus.PENDING);

        alice.accept(offer.reservationSid());

        Await.value("the customer bridged to alice's new softphone", STEP, () -> world.agentLegBridgedWith(customer, ALICE)
                .filter(leg -> !leg.sid().equals(call.agentLeg().sid())));
        assertThat(sim.incidentOf(customer).orElseThrow().phase()).as("the recovery's outcome stays true")
                .isEqualTo(Phase.REQUEUED);
        assertThat(sim.server.engine().incidents().all()).filteredOn(incident -> !incident.isTerminal())
                .as("no recovery reopened").isEmpty();
    }

    /** Signed in, with the desktop's heartbeats arriving (else the presence sweeper may set the worker Offline). */
    private AgentApi online(String identity, String password) {
        AgentApi agent = sim.signIn(identity, password);
        Await.until(identity + "'s desktop is online", STEP, () -> agent.state().agent().presence() == AgentPresence.ONLINE);
        return agent;
    }

    /**
     * Bob is not taking calls until the test says so. In sim mode a demo agent's first connect makes him Available
     * (DemoAgentsStartAvailable, after his presence is already online): left so, the customer meant for alice rang
     * for whichever of the two had been Available longer, bob when his desktop connected first (seen under load).
     */
    private static void busyElsewhere(AgentApi agent) {
        Await.until("the demo made the agent Available on his first connect", STEP,
                () -> Activity.AVAILABLE.friendlyName().equals(agent.state().agent().activity()));
        agent.setActivity(Activity.BREAK);
        Await.until("the agent is on a break", STEP, () -> Activity.BREAK.friendlyName().equals(agent.state().agent().activity()));
    }

    /** The ping's TTL ran out: the incident is REQUEUED and alice's wrapping reservation completion has run. */
    private Incident requeuedWithAliceFreed(String customer) {
        return Await.value("the customer requeued and alice's reservation freed", STEP, () -> sim.incidentOf(customer)
                .filter(incident -> incident.phase() == Phase.REQUEUED)
                .filter(incident -> incident.outbox().stream().anyMatch(entry ->
                        entry.effect() instanceof Effect.CompleteReservation && !entry.isPending())));
    }

    private static ReservationStatus pendingOf(AgentApi agent, ReservationView offer) {
        return agent.state().reservations().stream()
                .filter(reservation -> reservation.reservationSid().equals(offer.reservationSid()))
                .map(ReservationView::status).findFirst().orElse(null);
    }
}
