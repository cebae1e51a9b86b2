package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.sim.media.Goertzel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 4: twilio mode has run. Every part is its own process: a stand-alone twilio-sim as Twilio (its own
 * account SID and auth token, which signs every webhook), {@code provision}, three servers in twilio mode forming one
 * Hazelcast cluster behind a round-robin balancer that deals Twilio's webhooks to them one request at a time, and
 * alice's real desktop over SIP. Her desktop is SIGKILLed mid-call and the customer is bridged to her again; then it is
 * SIGKILLed again and, while that recovery runs, so is the server that owns the incident; the customer is bridged to
 * her again a second time, with audio both ways.
 */
@ExtendWith(PrintLogsOnFailure.class)
class TwilioModeClusterTest implements PrintLogsOnFailure.ProcessLogs {

    private static final String ALICE = "alice";
    private static final String PASSWORD = "alice-twilio-mode-e2e";
    /** Three server JVMs joining one cluster, or a desktop's cold start, on a loaded 2-core machine. */
    private static final Duration STARTUP = Duration.ofSeconds(180);
    /**
     * How long alice has to come back (the ping TTL), and so how long a restarted desktop may take to get the customer
     * back: a cold start, sign-in, SIP registration and the ping. On a 2-core machine under a load average of 50 a
     * desktop took 75 s to sign in, and a 90 s TTL requeued the customer. A bound on failure only: the test goes on as
     * soon as the customer is back.
     */
    private static final Duration COMING_BACK = Duration.ofSeconds(240);
    /** One step of a call (an offer, a drop seen, a bridge, a phase change), with room for a loaded machine. */
    private static final Duration STEP = Duration.ofSeconds(60);

    private TwilioModeCluster cluster;

    @BeforeEach
    void startCluster(TestInfo test) {
        // The ping TTL and the deadline leave room for a desktop's cold start after a member's death on a loaded CI
        // box (COMING_BACK); the media timeout is the emulator's stand-in for Twilio ending a SIGKILLed softphone's leg.
        cluster = TwilioModeCluster.start(test.getTestMethod().orElseThrow().getName(), Map.of(ALICE, PASSWORD),
                Map.of("LIFELINE_RECOVERY_PING_TTL", COMING_BACK.toSeconds() + "s",
                        "LIFELINE_RECOVERY_DEADLINE", COMING_BACK.multipliedBy(2).toSeconds() + "s"),
                Duration.ofSeconds(5), STARTUP);
    }

    @AfterEach
    void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public String describeProcesses() {
        return cluster == null ? "" : cluster.describe();
    }

    @Test
    void theCustomerIsBackWithAliceAfterHerDesktopIsKilledAndAgainWhenTheIncidentsOwnerDiesMidRecovery() {
        EmulatorWorld world = cluster.world;
        TwilioModeCluster.Member firstServer = cluster.members.get(0);
        DesktopProcess first = cluster.desktop("alice-first", firstServer, ALICE, PASSWORD);
        first.awaitLog("registered sip:" + ALICE + "@", STARTUP);
        AgentApi alice = AgentApi.signIn(firstServer.url(), ALICE, PASSWORD);
        alice.setActivity(Activity.AVAILABLE);
        String customer = cluster.emulator.customerCallsIn("+15551230001", cluster.voiceWorkflowSid,
                SimModeServer.CUSTOMER_TONE_HZ);
        ReservationView offer = Await.value("alice is offered the customer", STEP,
                () -> alice.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        alice.accept(offer.reservationSid());
        EmulatorWorld.Call firstLeg = Await.value("the customer bridged to alice's softphone", STEP,
                () -> world.agentLegBridgedWith(customer, ALICE));

        // 1. The desktop dies; a new one at another server takes the customer back.
        first.kill();
        Incident firstDrop = openIncident(customer);
        DesktopProcess second = cluster.desktop("alice-second", cluster.members.get(1), ALICE, PASSWORD);
        EmulatorWorld.Call secondLeg = Await.value("the customer bridged to alice's second desktop", COMING_BACK,
                () -> world.agentLegBridgedWith(customer, ALICE).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        restored(firstDrop);
        audioCrossesBothWays(customer, second);

        // 2. It dies again; mid-recovery, so does the server that owns the incident.
        second.kill();
        Incident secondDrop = openIncident(customer);
        assertThat(secondDrop.incidentId()).as("a new drop, a new incident").isNotEqualTo(firstDrop.incidentId());
        TwilioModeCluster.Member owner = cluster.memberOnClusterPort(cluster.observer.ownerPortOf(secondDrop.incidentId()));
        owner.process().kill();
        Await.until("the cluster sees the owner gone", STEP, () -> cluster.observer.servers() == TwilioModeCluster.SERVERS - 1);
        long ownerKilled = System.nanoTime();
        DesktopProcess third = cluster.desktop("alice-third", cluster.liveMembers().get(0), ALICE, PASSWORD);
        EmulatorWorld.Call thirdLeg = Await.value("the customer bridged to alice's third desktop", COMING_BACK,
                () -> world.agentLegBridgedWith(customer, ALICE)
                        .filter(leg -> !Set.of(firstLeg.sid(), secondLeg.sid()).contains(leg.sid())));
        Incident restored = restored(secondDrop);
        System.out.printf("[e2e figures] twilio mode: owner SIGKILLed to customer bridged again (includes a desktop cold "
                + "start): %d ms%n", Duration.ofNanos(System.nanoTime() - ownerKilled).toMillis());

        String conference = world.call(customer).conferenceSid();
        assertThat(world.conferenceName(conference)).isEqualTo(restored.newConferenceName());
        assertThat(world.parties(conference)).extracting(EmulatorWorld.Party::callSid)
                .as("exactly the customer and alice's newest leg").containsExactlyInAnyOrder(customer, thirdLeg.sid());
        assertThat(world.call(firstLeg.sid()).status()).isEqualTo("completed");
        assertThat(world.call(secondLeg.sid()).status()).isEqualTo("completed");
        audioCrossesBothWays(customer, third);
        assertThat(cluster.observer.openIncidentsOf(customer)).as("no recovery left open").isEmpty();
        cluster.members.forEach(member -> assertThat(cluster.webhooks.answeredBy(member.url()))
                .as("webhooks dealt to %s", member.process().name()).isPositive());
        assertThat(cluster.webhooks.answeredOn("/webhooks/taskrouter"))
                .as("TaskRouter's events through the Event Streams sink at the public URL").isPositive();
        assertThat(cluster.webhooks.answeredOn("/webhooks/conference")).as("conference callbacks").isPositive();
    }

    /** The call's one open incident, once the server has seen the drop and is pinging alice. */
    private Incident openIncident(String customer) {
        return Await.value("the servers detect alice's drop", STEP, () -> cluster.observer.openIncidentsOf(customer)
                .stream().filter(incident -> incident.phase() == Phase.PINGING).findFirst());
    }

    private Incident restored(Incident incident) {
        return Await.value("incident " + incident.incidentId() + " restored", STEP, () -> cluster.observer
                .incident(incident.incidentId()).filter(current -> current.phase() == Phase.RESTORED));
    }

    /** The customer's 1 kHz reaches alice's speaker, and alice's 440 Hz reaches the customer (Goertzel at each end). */
    private void audioCrossesBothWays(String customer, DesktopProcess agent) {
        Await.until("alice hears the customer", STEP,
                () -> Goertzel.detect(agent.heard(1.0), SimModeServer.CUSTOMER_TONE_HZ, 8000).hits() >= 20);
        Await.until("the customer hears alice", STEP,
                () -> cluster.emulator.heardHits(customer, SimModeServer.AGENT_TONE_HZ) >= 20);
    }
}
