package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.recovery.TaskAttributes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 #1: the member port of a running member, probed as the attacker did: with a real Hazelcast client, on an
 * address other than the cluster interface, and with a Java-serialized class from outside Lifeline.
 */
class MemberNetworkLockdownTest {

    private static final int FIRST_PORT = 6101;

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final String clusterName = "lockdown-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        members.forEach(HazelcastInstance::shutdown);
    }

    /** A member configured exactly as {@code lifeline-server run} configures it, on loopback. */
    private HazelcastInstance startMember(int port, String memberList) {
        ClusterSettings settings = ServerConfig.load(Map.of(
                "LIFELINE_CLUSTER_NAME", clusterName,
                "LIFELINE_CLUSTER_PORT", String.valueOf(port),
                "LIFELINE_CLUSTER_MEMBERS", memberList)).cluster();
        HazelcastInstance member = HazelcastMembers.start(settings);
        members.add(member);
        return member;
    }

    private static int portOf(HazelcastInstance member) {
        return member.getCluster().getLocalMember().getAddress().getPort();
    }

    @Test
    void aHazelcastClientIsRefusedByARunningMember() {
        HazelcastInstance member = startMember(FIRST_PORT, "127.0.0.1:" + FIRST_PORT);
        member.getMap(HazelcastMembers.INCIDENTS).put("CF1:CA1", "open");

        ClientConfig client = new ClientConfig().setClusterName(clusterName);
        client.getNetworkConfig().addAddress("127.0.0.1:" + portOf(member));
        // Bounded so a refused client gives up: a deadline for the failure, not a measured duration.
        client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000);
        client.setProperty("hazelcast.logging.type", "slf4j");

        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
                .as("the cluster name is no secret; a client on the member port must get nothing")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unable to connect");
        assertThat(member.getClientService().getConnectedClients()).isEmpty();
    }

    @Test
    void theMemberPortListensOnTheClusterInterfaceOnly() throws IOException {
        HazelcastInstance member = startMember(FIRST_PORT + 10, "127.0.0.1:" + (FIRST_PORT + 10));
        int port = portOf(member);

        assertThat(member.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");
        try (Socket onTheClusterInterface = new Socket()) {
            onTheClusterInterface.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            assertThat(onTheClusterInterface.isConnected()).isTrue();
        }
        // 127.0.0.2 is another address of this machine (all of 127/8 is local): a socket bound to every interface
        // accepts there, one bound to the cluster interface alone refuses. No traffic leaves the machine.
        try (Socket elsewhere = new Socket()) {
            assertThatThrownBy(() -> elsewhere.connect(new InetSocketAddress("127.0.0.2", port), 5_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedOnDeserialization() throws Exception {
        String list = "127.0.0.1:" + (FIRST_PORT + 20) + ",127.0.0.1:" + (FIRST_PORT + 21);
        HazelcastInstance writer = startMember(FIRST_PORT + 20, list);
        HazelcastInstance reader = startMember(FIRST_PORT + 21, list);
        Await.until("both members joined", () -> reader.getCluster().getMembers().size() == 2, Duration.ofSeconds(60));
        IMap<String, Object> written = writer.getMap("probe");
        IMap<String, Object> read = reader.getMap("probe");

        // java.net.URL is the classic deserialization probe (its hashCode resolves the host); nothing in Lifeline
        // stores one, so the filter must refuse to rebuild it.
        written.put("gadget", new URL("http://gadget.invalid/"));
        TaskAttributes attributes = new TaskAttributes(Map.of("type", "inbound", "priority", 5));
        written.put("record", attributes);

        assertThatThrownBy(() -> read.get("gadget"))
                .isInstanceOf(HazelcastSerializationException.class)
                .hasStackTraceContaining("java.net.URL");
        assertThat(read.get("record")).as("Lifeline's own records still cross the cluster").isEqualTo(attributes);
    }

    @Test
    void settingsMadeByHandBindToLoopback() {
        assertThat(new ClusterSettings("x", 5701, List.of("a", "b"), 1).bindInterface()).isEqualTo("127.0.0.1");
    }
}
