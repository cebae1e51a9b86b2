package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.NetworkSplit;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three members on Hazelcast's mock network split 2 | 1, both sides writing one conference each in the window
 * before the split is noticed, the majority then writing a higher version of each. Hazelcast gives the record that
 * survives the merge the expiry of the minority's copy whatever the merge policy kept: without
 * {@link RetentionAfterMerge} a live conference would carry the minority's "ended" expiry and vanish, and an ended
 * one would carry the minority's "never" and stay forever. The higher version still wins.
 */
class RetentionAfterMergeTest {

    /** Long enough that the minority's copies have not expired yet when the sides merge (expired copies are not merged). */
    private static final Duration RETENTION = Duration.ofSeconds(60);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();
    private final List<RetentionAfterMerge> repairs = new ArrayList<>();

    @AfterEach
    void stop() {
        repairs.forEach(RetentionAfterMerge::close);
        factory.terminateAll();
    }

    @Test
    void afterAMergeALiveConferenceNeverExpiresAndAnEndedOneDoesAndTheHigherVersionsSurvive() {
        String clusterName = "retention-split-" + UUID.randomUUID();
        List<HazelcastInstance> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClusterSettings settings = new ClusterSettings(clusterName, 5701, List.of("a", "b", "c"), 1, 2);
            HazelcastInstance member = factory.newHazelcastInstance(NetworkSplit.withTestTimings(HazelcastMembers.config(settings)));
            members.add(member);
            repairs.add(new RetentionAfterMerge(member, RETENTION, RETENTION).start());
        }
        NetworkSplit.awaitFormed(members);
        HazelcastTestSupport.warmUpPartitions(members);
        HazelcastInstance minority = members.get(2);
        List<HazelcastInstance> majority = List.of(members.get(0), members.get(1));
        String stayingLive = keyOwnedBy(minority, "CF-live-");
        String endedForGood = keyOwnedBy(minority, "CF-ended-");
        ConferenceStore onMajority = new ConferenceStore(majority.get(0), RETENTION);
        ConferenceStore onMinority = new ConferenceStore(minority, RETENTION);
        onMajority.apply(ConferenceCallback.join(stayingLive, "CAcustomer1", 1, "customer", false, false, true));
        onMajority.apply(ConferenceCallback.join(endedForGood, "CAcustomer2", 1, "customer", false, false, true));

        NetworkSplit split = NetworkSplit.unnoticed(majority, List.of(minority));
        // Acknowledged by the minority (the owner) before it notices; the backups never reach the majority.
        onMinority.apply(ConferenceCallback.end(stayingLive, 2));
        onMinority.apply(ConferenceCallback.join(endedForGood, "CAagent2", 2, "agent", false, false, false));
        split.noticed();
        // The majority promoted its backups (version 1) and moves each one two versions further.
        onMajority.apply(ConferenceCallback.join(stayingLive, "CAagent1", 2, "agent", false, false, false));
        onMajority.apply(ConferenceCallback.join(stayingLive, "CAthird1", 3, "external", false, false, false));
        onMajority.apply(ConferenceCallback.join(endedForGood, "CAagent2b", 2, "agent", false, false, false));
        onMajority.apply(ConferenceCallback.end(endedForGood, 3));
        split.healAndAwaitMerge(Duration.ofSeconds(60));

        Await.until("the live conference no longer expires", () -> expirationOf(majority.get(0), stayingLive) == Long.MAX_VALUE,
                Duration.ofSeconds(30));
        Await.until("the ended conference expires again", () -> expirationOf(majority.get(0), endedForGood) != Long.MAX_VALUE,
                Duration.ofSeconds(30));
        ConferenceRecord live = onMajority.get(stayingLive).orElseThrow();
        assertThat(live.ended()).isFalse();
        assertThat(live.version()).isEqualTo(3);
        ConferenceRecord ended = onMajority.get(endedForGood).orElseThrow();
        assertThat(ended.ended()).isTrue();
        assertThat(ended.version()).isEqualTo(3);
    }

    private static long expirationOf(HazelcastInstance member, String conferenceSid) {
        return member.<String, ConferenceRecord>getMap(HazelcastMembers.CONFERENCES).getEntryView(conferenceSid)
                .getExpirationTime();
    }

    private static String keyOwnedBy(HazelcastInstance owner, String prefix) {
        UUID uuid = owner.getCluster().getLocalMember().getUuid();
        for (int i = 0; ; i++) {
            String key = prefix + i;
            if (owner.getPartitionService().getPartition(key).getOwner().getUuid().equals(uuid)) {
                return key;
            }
        }
    }
}
