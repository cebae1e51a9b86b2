package dev.lifeline.server.e2e;

import static dev.lifeline.server.e2e.RecoveryHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        harness.startReconcilers(Duration.ofMillis(200));
        awaitTrue("three members formed one cluster", () -> harness.hazelcast.getCluster().getMembers().size() == 3);
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String oldConference = harness.conferenceOf(customer).orElseThrow();
        phone.drop();
        Incident pinging = harness.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        HazelcastInstance owner = ownerOf(pinging.incidentId());
        owner.getLifecycleService().terminate();

        TestSoftphone restarted = harness.softphone("alice");
        harness.acceptPlain(harness.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Reservation reconnect = harness.awaitPendingReservation("alice", t -> t.attributesJson().contains("\"isReconnect\":true"));
        harness.acceptVoice("alice", reconnect);

        harness.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        awaitTrue("customer and alice share the new conference", () -> harness.conferenceOf(customer).isPresent()
                && restarted.connectedCalls().stream().anyMatch(c -> harness.conferenceOf(c).equals(harness.conferenceOf(customer))));
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
        assertThat(pingTasksOf(pinging.incidentId())).hasSize(1);
        assertThat(announcementsIn(oldConference)).isEqualTo(1);
    }

    private HazelcastInstance ownerOf(String incidentId) {
        Partition partition = harness.hazelcast.getPartitionService().getPartition(incidentId);
        for (HazelcastInstance member : harness.members) {
            if (member.getCluster().getLocalMember().getUuid().equals(partition.getOwner().getUuid())) {
                return member;
            }
        }
        throw new AssertionError("no owner for " + incidentId + " in map " + HazelcastMembers.INCIDENTS);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pingTasksOf(String incidentId) {
        Map<String, Object> taskRouter = (Map<String, Object>) harness.sim.snapshot().get("taskRouter");
        List<Map<String, Object>> pings = new ArrayList<>();
        for (Map<String, Object> workspace : (List<Map<String, Object>>) taskRouter.get("workspaces")) {
            for (Map<String, Object> task : (List<Map<String, Object>>) workspace.get("tasks")) {
                Map<String, Object> attributes = (Map<String, Object>) task.get("attributes");
                if (harness.workspace.pingWorkflowSid().equals(task.get("workflow_sid"))
                        && incidentId.equals(attributes.get("lifelineIncident"))) {
                    pings.add(task);
                }
            }
        }
        return pings;
    }

    private int announcementsIn(String conferenceSid) {
        return harness.conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .map(c -> c.get("announcements")).map(a -> a instanceof List<?> list ? list.size() : ((Number) a).intValue())
                .findFirst().orElse(0);
    }
}
