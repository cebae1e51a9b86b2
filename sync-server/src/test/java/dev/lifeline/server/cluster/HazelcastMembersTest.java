package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HazelcastMembersTest {

    private final List<HazelcastInstance> members = new java.util.ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void membersOnTheTcpListFormOneClusterAndShareIncidents() {
        ClusterSettings settings = new ClusterSettings("test-" + UUID.randomUUID(), 5901,
                List.of("127.0.0.1:5901", "127.0.0.1:5902"), 1);
        members.add(HazelcastMembers.start(settings));
        members.add(HazelcastMembers.start(settings));

        members.get(0).getMap(HazelcastMembers.INCIDENTS).put("CF1:CA1", "open");

        assertThat(members.get(1).getCluster().getMembers()).hasSize(2);
        assertThat(members.get(1).getMap(HazelcastMembers.INCIDENTS).get("CF1:CA1")).isEqualTo("open");
    }

    @Test
    void aMemberOfAnotherClusterNameDoesNotJoin() {
        members.add(HazelcastMembers.start(new ClusterSettings("a-" + UUID.randomUUID(), 5911, List.of("127.0.0.1:5911", "127.0.0.1:5912"), 1)));
        members.add(HazelcastMembers.start(new ClusterSettings("b-" + UUID.randomUUID(), 5912, List.of("127.0.0.1:5911", "127.0.0.1:5912"), 1)));

        assertThat(members.get(0).getCluster().getMembers()).hasSize(1);
    }
}
