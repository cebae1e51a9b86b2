package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three real members on Hazelcast's mock network, split 2 | 1 with split-brain protection on (minimum 2). The
 * minority acknowledges one write in the window before it notices the partition — protection cannot refuse what
 * it does not know about yet — and refuses everything after. The majority carries on with a write of its own.
 * After the heal, the copy with the higher version must survive: with our policy it does; with Hazelcast's
 * default put-if-absent the acknowledged write is silently rolled back.
 */
class VersionMergeAfterSplitTest {

    private static final String CONFERENCE = "CF-split";

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void theMinoritysAcknowledgedHigherVersionSurvivesTheMerge() {
        Outcome outcome = splitWriteOnBothSidesAndHeal(UnaryOperator.identity());

        assertThat(outcome.afterMerge().version()).isEqualTo(3);
        assertThat(outcome.afterMerge().lastSequence()).isEqualTo(30);
    }

    @Test
    void putIfAbsentWouldRollBackThatAcknowledgedWriteToTheMajoritysOlderVersion() {
        Outcome outcome = splitWriteOnBothSidesAndHeal(config -> {
            config.getMapConfig(HazelcastMembers.CONFERENCES).getMergePolicyConfig()
                    .setPolicy(PutIfAbsentMergePolicy.class.getName());
            return config;
        });

        assertThat(outcome.afterMerge().version()).isEqualTo(2);
        assertThat(outcome.afterMerge().lastSequence()).isEqualTo(20);
    }

    private Outcome splitWriteOnBothSidesAndHeal(UnaryOperator<Config> mergePolicy) {
        String clusterName = "split-" + UUID.randomUUID();
        List<HazelcastInstance> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClusterSettings settings = new ClusterSettings(clusterName, 5701, List.of("a", "b", "c"), 1, 2);
            members.add(factory.newHazelcastInstance(NetworkSplit.withTestTimings(mergePolicy.apply(
                    HazelcastMembers.config(settings)))));
        }
        NetworkSplit.awaitFormed(members);
        HazelcastInstance minority = ownerOf(members, CONFERENCE);
        List<HazelcastInstance> majority = new ArrayList<>(members);
        majority.remove(minority);
        conferences(majority.get(0)).set(CONFERENCE, record(1, 10));

        NetworkSplit split = NetworkSplit.unnoticed(majority, List.of(minority));
        // The minority owns the key and still counts three members: the write is applied and acknowledged,
        // its backup to the majority lost on the wire.
        conferences(minority).set(CONFERENCE, record(3, 30));
        split.noticed();

        assertThat(HazelcastMembers.servesRecoveryState(minority)).isFalse();
        assertThat(majority).allMatch(HazelcastMembers::servesRecoveryState);
        assertThatThrownBy(() -> conferences(minority).set(CONFERENCE, record(4, 40)))
                .isInstanceOf(SplitBrainProtectionException.class);
        assertThatThrownBy(() -> conferences(minority).get(CONFERENCE))
                .isInstanceOf(SplitBrainProtectionException.class);
        // The majority promoted its backup (version 1) and acknowledges a newer write on top of it.
        assertThat(conferences(majority.get(0)).get(CONFERENCE).version()).isEqualTo(1);
        conferences(majority.get(1)).set(CONFERENCE, record(2, 20));

        Duration merge = split.healAndAwaitMerge(Duration.ofSeconds(60));
        String policy = members.get(0).getConfig().getMapConfig(HazelcastMembers.CONFERENCES).getMergePolicyConfig().getPolicy();
        System.out.printf("split brain healed: merge took %d ms with %s%n", merge.toMillis(),
                policy.substring(policy.lastIndexOf('.') + 1));
        assertThat(members).allMatch(HazelcastMembers::servesRecoveryState);
        ConferenceRecord merged = conferences(minority).get(CONFERENCE);
        assertThat(conferences(majority.get(0)).get(CONFERENCE)).isEqualTo(merged);
        return new Outcome(merged);
    }

    private static HazelcastInstance ownerOf(List<HazelcastInstance> members, String key) {
        var owner = members.get(0).getPartitionService().getPartition(key).getOwner();
        return members.stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(owner.getUuid()))
                .findFirst().orElseThrow();
    }

    private static IMap<String, ConferenceRecord> conferences(HazelcastInstance member) {
        return member.getMap(HazelcastMembers.CONFERENCES);
    }

    private static ConferenceRecord record(long version, long lastSequence) {
        return new ConferenceRecord(CONFERENCE, "CA-customer", Map.of(), false, lastSequence, null, version);
    }

    private record Outcome(ConferenceRecord afterMerge) {
    }
}
