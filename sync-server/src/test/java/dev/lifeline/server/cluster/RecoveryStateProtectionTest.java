package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.SeenEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which maps split-brain protection covers and how each merges. The refusals go through the engine's own stores,
 * so a map the engine names differently from the member config would show up here as an accepted write.
 */
class RecoveryStateProtectionTest {

    private static final List<String> RECOVERY_STATE = List.of(HazelcastMembers.CONFERENCES, HazelcastMembers.INCIDENTS,
            HazelcastMembers.SEEN_EVENTS, HazelcastMembers.INCIDENTS_BY_CUSTOMER, HazelcastMembers.PENDING_BY_TASK,
            HazelcastMembers.EFFECT_LEASES, HazelcastMembers.TRANSFERS, HazelcastMembers.PRESENT_WORKERS);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void stop() {
        factory.terminateAll();
    }

    @Test
    void everyRecoveryStateMapIsProtectedByTheConfiguredMinimum() {
        Config config = HazelcastMembers.config(settings(3));

        assertThat(config.getSplitBrainProtectionConfig(HazelcastMembers.MAJORITY_PROTECTION).getMinimumClusterSize())
                .isEqualTo(3);
        for (String map : RECOVERY_STATE) {
            assertThat(config.getMapConfig(map).getSplitBrainProtectionName()).as(map)
                    .isEqualTo(HazelcastMembers.MAJORITY_PROTECTION);
        }
    }

    @Test
    void versionedRecordsMergeByVersionAndEverythingElseByPutIfAbsent() {
        Config config = HazelcastMembers.config(settings(2));

        for (String map : RECOVERY_STATE) {
            boolean versioned = map.equals(HazelcastMembers.CONFERENCES) || map.equals(HazelcastMembers.INCIDENTS);
            assertThat(config.getMapConfig(map).getMergePolicyConfig().getPolicy()).as(map)
                    .isEqualTo((versioned ? HigherVersionMergePolicy.class : PutIfAbsentMergePolicy.class).getName());
        }
    }

    @Test
    void aSingleServerIsNeverRefused() {
        Config config = HazelcastMembers.config(settings(1));

        assertThat(config.getSplitBrainProtectionConfigs()).isEmpty();
        HazelcastInstance alone = factory.newHazelcastInstance(config);
        assertThat(HazelcastMembers.servesRecoveryState(alone)).isTrue();
        assertThat(new EffectLeases(alone, Duration.ofSeconds(30)).tryClaim("effect-1")).isTrue();
        assertThat(new SeenEvents(alone).alreadyApplied("event-1")).isFalse();
    }

    @Test
    void aMemberWithoutTheMinimumRefusesEveryReadAndWriteOfTheEngine() {
        HazelcastInstance alone = factory.newHazelcastInstance(HazelcastMembers.config(settings(2)));

        assertThat(HazelcastMembers.servesRecoveryState(alone)).isFalse();
        assertRefused(() -> new IncidentStore(alone).get("CF1:CA1"));
        assertRefused(() -> new IncidentStore(alone).incidentOfCustomer("CA-customer"));
        assertRefused(() -> new ConferenceStore(alone).get("CF1"));
        assertRefused(() -> new ConferenceStore(alone).pendingFor("WT1"));
        // The mark is not waited for on the webhook's thread; it is refused all the same.
        assertRefused(() -> awaitStored(new SeenEvents(alone).markApplied("event-1")));
        assertRefused(() -> new EffectLeases(alone, Duration.ofSeconds(30)).tryClaim("effect-1"));
    }

    private static void awaitStored(CompletionStage<Void> write) {
        try {
            write.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(SplitBrainProtectionException.class);
    }

    private static ClusterSettings settings(int minClusterSize) {
        return new ClusterSettings("protection-" + UUID.randomUUID(), 5701, List.of("a", "b", "c"), 1, minClusterSize);
    }
}
