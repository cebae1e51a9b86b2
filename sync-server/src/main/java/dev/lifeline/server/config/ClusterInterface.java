package dev.lifeline.server.config;

import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.util.List;

/**
 * {@code cluster.interface}: the one address the Hazelcast member port listens on. The member protocol has no
 * authentication or encryption in the Community edition, so the port must never listen on every interface:
 * loopback when every listed member is on this host, otherwise an address the operator names on a private network.
 */
final class ClusterInterface {

    private static final String KEY = "cluster.interface";

    private ClusterInterface() {
    }

    static String of(ConfigSource source, List<String> members) {
        String named = source.string(KEY, "");
        if (named.isEmpty()) {
            if (members.stream().allMatch(ClusterSettings::isLoopback)) {
                return ClusterSettings.LOOPBACK;
            }
            throw source.problem(KEY, "is required when cluster.members lists other hosts: name this server's "
                    + "address on the private cluster network (the member port has no authentication)");
        }
        if (!LocalAddress.isIpv4Literal(named)) {
            throw source.problem(KEY, "must be an IPv4 address of this machine, got '" + named + "'");
        }
        if (!LocalAddress.isAssignedHere(named)) {
            throw source.problem(KEY, "must be an address of this machine, got '" + named + "' (0.0.0.0 is not allowed)");
        }
        return named;
    }
}
