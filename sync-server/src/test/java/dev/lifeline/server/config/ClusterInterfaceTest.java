package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cluster.interface}: the member port listens on one address, never on every interface (issue 22 #1). */
class ClusterInterfaceTest {

    private static String bindInterface(Map<String, String> environment) {
        return ServerConfig.load(environment).cluster().bindInterface();
    }

    @Test
    void aClusterOnThisHostListensOnLoopback() {
        assertThat(bindInterface(Map.of())).isEqualTo("127.0.0.1");
        assertThat(bindInterface(Map.of("LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:5701,localhost:5702"))).isEqualTo("127.0.0.1");
    }

    @Test
    void membersOnOtherHostsNeedTheClusterInterfaceNamed() {
        assertThatThrownBy(() -> bindInterface(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config: cluster.interface is required when cluster.members lists other hosts: name this "
                        + "server's address on the private cluster network (the member port has no authentication)");
    }

    @Test
    void theNamedInterfaceIsUsed() {
        assertThat(bindInterface(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2",
                "LIFELINE_CLUSTER_INTERFACE", "127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theClusterInterfaceMustBeOneAddressOfThisMachine() {
        assertThatThrownBy(() -> bindInterface(Map.of("LIFELINE_CLUSTER_INTERFACE", "0.0.0.0")))
                .hasMessage("environment LIFELINE_CLUSTER_INTERFACE: cluster.interface must be an address of this "
                        + "machine, got '0.0.0.0' (0.0.0.0 is not allowed)");
        // TEST-NET-2 (RFC 5737): never assigned to a real machine.
        assertThatThrownBy(() -> bindInterface(Map.of("LIFELINE_CLUSTER_INTERFACE", "198.51.100.7")))
                .hasMessageContaining("cluster.interface must be an address of this machine, got '198.51.100.7'");
        assertThatThrownBy(() -> bindInterface(Map.of("LIFELINE_CLUSTER_INTERFACE", "eth0")))
                .hasMessage("environment LIFELINE_CLUSTER_INTERFACE: cluster.interface must be an IPv4 address of "
                        + "this machine, got 'eth0'");
    }
}
