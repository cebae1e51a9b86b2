package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.cluster.NetworkSplit;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.webhooks.WebhookRoutes;
import dev.lifeline.sim.webhook.WebhookDispatcher.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import dev.lifeline.server.recovery.RecoveryStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #7 item 4 (reliability.md §5 test 5): three members on Hazelcast's mock network with split-brain
 * protection at 2 are split 2 | 1 in the middle of a recovery, while Twilio's webhooks keep being dealt to all
 * three. The minority refuses (503, nothing stored), the majority finishes the recovery, and after the heal and
 * the merge nothing the majority acknowledged is lost, rolled back or duplicated.
 */
class SplitBrainTest {

    private final TestHazelcastInstanceFactory network = new TestHazelcastInstanceFactory();
    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        network.terminateAll();
    }

    @ParameterizedTest
    @EnumSource(RecoveryStrategy.class)
    void theMajorityFinishesTheRecoveryTheMinorityRefusesAndTheMergeLosesNothingAcknowledged(RecoveryStrategy strategy)
            throws Exception {
        // Two backups: every member holds a copy of every key, so the minority always holds a stale incident.
        harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(30), Duration.ofSeconds(120))
                .members(3).backups(2).minClusterSize(2).strategy(strategy)
                .startingMembersWith(config -> network.newHazelcastInstance(NetworkSplit.withTestTimings(config))));
        harness.cluster.startReconcilers(Duration.ofMillis(200));
        NetworkSplit.awaitFormed(harness.cluster.members);
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        int minorityIndex = minorityFor(pinging.incidentId());
        HazelcastInstance minority = harness.cluster.members.get(minorityIndex);
        List<HazelcastInstance> majority = new ArrayList<>(harness.cluster.members);
        majority.remove(minority);
        int deliveriesBefore = harness.sim.webhooks().deliveries().size();
        NetworkSplit split = NetworkSplit.between(majority, List.of(minority));

        RecoveryEngine cutOff = harness.cluster.engines.get(minorityIndex);
        assertThatThrownBy(() -> cutOff.cancel(pinging.incidentId(), "sam"))
                .isInstanceOf(SplitBrainProtectionException.class);

        // The restarted desktop finishes the recovery while every webhook is still dealt to all three members.
        harness.agentComesBack("alice", pinging, customer);
        Map<String, Long> acknowledged = versions(harness.cluster.liveEngine());
        // Every delivery of the split answered before it is read: with rejoin the whole recovery takes tens of
        // milliseconds, and the minority's refusals were seen still on their way when the majority had finished.
        assertThat(harness.sim.webhooks().awaitIdle(Duration.ofSeconds(30))).as("every webhook of the split answered").isTrue();
        List<Delivery> duringSplit = webhooksSince(deliveriesBefore);

        Duration merge = split.healAndAwaitMerge(Duration.ofSeconds(60));

        long refused = duringSplit.stream().filter(d -> d.status() == 503).count();
        System.out.printf("split brain 2|1 mid-recovery: merge took %d ms after the heal; %d of %d webhook deliveries "
                + "during the split refused with 503 by the minority%n", merge.toMillis(), refused, duringSplit.size());
        String seen = duringSplit.stream().map(d -> d.status() + " " + d.url().replaceFirst("^https?://[^/]+", ""))
                .toList().toString();
        assertThat(refused).as("deliveries the minority refused, of %s", seen).isPositive();
        assertThat(duringSplit).as("nothing else failed").allMatch(d -> d.status() == 503 || d.status() / 100 == 2);
        for (RecoveryEngine engine : harness.cluster.engines) {
            Map<String, Long> merged = versions(engine);
            acknowledged.forEach((key, version) ->
                    assertThat(merged.get(key)).as("version of %s after the merge", key).isGreaterThanOrEqualTo(version));
            assertThat(engine.incidents().get(pinging.incidentId()).orElseThrow().phase()).isEqualTo(Phase.RESTORED);
            assertThat(engine.incidents().all()).as("incidents after the merge").hasSize(1);
        }
        assertThat(harness.sim.voice().effects(customer)).as("no Twilio effect ran twice")
                .containsEntry("enqueue", strategy == RecoveryStrategy.REJOIN ? 1 : 2);
    }

    /**
     * The member cut off: the incident's owner, unless that is the first member, through which the harness reads
     * (and which must therefore stay in the majority); then the last one, which holds a backup copy.
     */
    private int minorityFor(String incidentId) {
        UUID owner = harness.hazelcast.getPartitionService().getPartition(incidentId).getOwner().getUuid();
        for (int i = 1; i < harness.cluster.members.size(); i++) {
            if (harness.cluster.members.get(i).getCluster().getLocalMember().getUuid().equals(owner)) {
                return i;
            }
        }
        return harness.cluster.members.size() - 1;
    }

    /** Every incident and conference record this member serves, with its version. */
    private static Map<String, Long> versions(RecoveryEngine engine) {
        Map<String, Long> versions = new HashMap<>();
        for (Incident incident : engine.incidents().all()) {
            versions.put("incident " + incident.incidentId(), incident.version());
        }
        for (ConferenceRecord conference : engine.conferences().all()) {
            versions.put("conference " + conference.conferenceSid(), conference.version());
        }
        return versions;
    }

    private List<Delivery> webhooksSince(int index) {
        List<Delivery> all = harness.sim.webhooks().deliveries();
        return all.subList(index, all.size()).stream()
                .filter(d -> d.url().contains(WebhookRoutes.CONFERENCE_PATH) || d.url().contains(WebhookRoutes.TASKROUTER_PATH))
                .toList();
    }
}
