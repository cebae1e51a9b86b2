package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.IncidentStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recovery maps' indexes: a member alone below the cluster's minimum still opens its maps (a configured index
 * would be created on open, and refused), the indexes are added once a majority forms, and a member that joins
 * afterwards answers its queries from them too.
 */
class StateIndexesTest {

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void indexesAreAddedOnceAMajorityFormsAndReachMembersThatJoinLater() {
        ClusterSettings settings = new ClusterSettings("indexes-" + UUID.randomUUID(), 5701, List.of("a", "b", "c"), 1, 2);
        HazelcastInstance first = factory.newHazelcastInstance(HazelcastMembers.config(settings));

        IncidentStore incidents = new IncidentStore(first);
        new ConferenceStore(first);
        assertThat(StateIndexes.tryAdd(first)).as("below the minimum: nothing to add yet").isFalse();

        HazelcastInstance second = factory.newHazelcastInstance(HazelcastMembers.config(settings));
        Await.until("the indexes added", () -> StateIndexes.tryAdd(first));
        HazelcastInstance third = factory.newHazelcastInstance(HazelcastMembers.config(settings));
        HazelcastTestSupport.waitAllForSafeState(List.of(first, second, third));

        for (HazelcastInstance member : List.of(first, second, third)) {
            new IncidentStore(member).openIncidentsOf("WKalice");
            new ConferenceStore(member).withWorkerPresent("WKalice");
            assertThat(member.getMap(HazelcastMembers.INCIDENTS).getLocalMapStats().getIndexedQueryCount())
                    .as("indexed incident queries on %s", member.getName()).isPositive();
            assertThat(member.getMap(HazelcastMembers.PRESENT_WORKERS).getLocalMapStats().getIndexedQueryCount())
                    .as("indexed presence queries on %s", member.getName()).isPositive();
            assertThat(member.getMap(HazelcastMembers.CONFERENCES).getLocalMapStats().getIndexStats())
                    .as("the records every webhook rewrites carry no index on %s", member.getName()).isEmpty();
        }
        assertThat(incidents.open()).isEmpty();
    }
}
