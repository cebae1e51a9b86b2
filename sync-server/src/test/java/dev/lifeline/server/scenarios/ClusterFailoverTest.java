package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three members in one JVM; the member that owns the incident is terminated (not shut down) in the middle of
 * the recovery. The recovery still completes, and no Twilio side effect is performed twice.
 */
class ClusterFailoverTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void recoveryCompletesWhenTheOwningMemberDiesAndNoSideEffectRunsTwice() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120), 3);
        harness.cluster.startReconcilers(Duration.ofMillis(200));
        Await.until("three members formed one cluster", () -> harness.hazelcast.getCluster().getMembers().size() == 3);
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String oldConference = harness.world.conferenceOf(customer).orElseThrow();
        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        HazelcastInstance owner = harness.cluster.partitionOwnerOf(pinging.incidentId());
        owner.getLifecycleService().terminate();

        TestSoftphone restarted = harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Reservation reconnect = harness.agents.awaitPendingReservation("alice", t -> t.attributesJson().contains("\"isReconnect\":true"));
        harness.agents.acceptVoice("alice", reconnect);

        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("customer and alice share the new conference", () -> harness.world.conferenceOf(customer).isPresent()
                && restarted.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(harness.world.conferenceOf(customer))));
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
        assertThat(harness.world.pingTasksOf(pinging.incidentId())).hasSize(1);
        assertThat(harness.world.announcementsIn(oldConference)).isEqualTo(1);
    }
}
