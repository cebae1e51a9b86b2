package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real member: one claim at a time per effect, free again once released. */
class EffectLeasesTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(member -> member.getLifecycleService().terminate());
    }

    @Test
    void aReleasedClaimCanBeTakenAndALiveClaimCannot() {
        ClusterSettings settings = new ClusterSettings("leases-" + UUID.randomUUID(), 5925, List.of("127.0.0.1:5925"), 1, 1);
        HazelcastInstance member = start(settings);
        EffectLeases first = new EffectLeases(member, LEASE);
        EffectLeases second = new EffectLeases(member, LEASE);

        assertThat(first.tryClaim("e")).isTrue();
        assertThat(second.tryClaim("e")).isFalse();
        first.release("e");
        assertThat(second.tryClaim("e")).isTrue();
    }

    private HazelcastInstance start(ClusterSettings settings) {
        HazelcastInstance member = HazelcastMembers.start(settings);
        members.add(member);
        return member;
    }
}
