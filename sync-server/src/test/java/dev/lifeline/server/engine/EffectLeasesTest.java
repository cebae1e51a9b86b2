package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real members: a claim holds while its member lives, and is void as soon as the member has left. */
class EffectLeasesTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(member -> member.getLifecycleService().terminate());
    }

    @Test
    void aClaimOfATerminatedMemberIsTakenOverWithoutWaitingForTheLease() throws Exception {
        // Minimum size 1: the survivor must keep serving alone (split-brain protection is tested elsewhere).
        ClusterSettings settings = new ClusterSettings("leases-" + UUID.randomUUID(), 24921,
                List.of("127.0.0.1:24921", "127.0.0.1:24922"), 1, 1);
        HazelcastInstance dying = start(settings);
        HazelcastInstance survivor = start(settings);
        EffectLeases onDying = new EffectLeases(dying, LEASE);
        EffectLeases onSurvivor = new EffectLeases(survivor, LEASE);
        EffectLeases elsewhereOnSurvivor = new EffectLeases(survivor, LEASE);

        assertThat(onDying.tryClaim("incident/1/create-ping")).isTrue();
        assertThat(onDying.tryClaim("incident/1/announce")).isTrue();
        assertThat(onSurvivor.tryClaim("incident/1/create-ping")).as("the holder is alive").isFalse();

        dying.getLifecycleService().terminate();
        awaitAlone(survivor);

        assertThat(onSurvivor.tryClaim("incident/1/create-ping")).as("the holder has left the cluster").isTrue();
        assertThat(elsewhereOnSurvivor.tryClaim("incident/1/create-ping")).as("taken over by exactly one").isFalse();
        assertThat(onSurvivor.tryClaim("incident/1/announce", Duration.ofHours(1)))
                .as("a dead holder's claim within the grace given for Twilio's report of it").isFalse();
        assertThat(onSurvivor.tryClaim("incident/1/announce", Duration.ZERO)).as("and once it has passed").isTrue();
    }

    @Test
    void aReleasedClaimCanBeTakenAndALiveClaimCannot() {
        ClusterSettings settings = new ClusterSettings("leases-" + UUID.randomUUID(), 24925, List.of("127.0.0.1:24925"), 1, 1);
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

    private static void awaitAlone(HazelcastInstance member) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (member.getCluster().getMembers().size() > 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the terminated member never left the survivor's member list");
            }
            Thread.sleep(10); // polling interval of the condition, not a wait for an outcome
        }
    }
}
