package dev.lifeline.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;

/**
 * Starts this server's embedded Hazelcast member. Members find each other only through the configured
 * TCP-IP list (no multicast, no cloud auto-detection, no phone-home), bound to the loopback interface
 * unless members on other hosts are listed.
 */
public final class HazelcastMembers {

    /** Conference state keyed by conference SID. */
    public static final String CONFERENCES = "conferences";
    /** Recovery incidents keyed by incident id. */
    public static final String INCIDENTS = "incidents";
    /** Ids of webhook events already applied (dedupe), expiring after a day. */
    public static final String SEEN_EVENTS = "seen";

    private static final int SEEN_TTL_SECONDS = 86_400;

    private HazelcastMembers() {
    }

    public static HazelcastInstance start(ClusterSettings settings) {
        return Hazelcast.newHazelcastInstance(config(settings));
    }

    public static Config config(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // A member that stops answering is declared dead after 10 s instead of 60 s, which bounds how long a
        // recovery owned by a dead member waits for its partitions to migrate (reliability.md §1.3).
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
        boolean localOnly = settings.members().stream().allMatch(HazelcastMembers::isLoopback);
        if (localOnly) {
            network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true)
                .setMembers(settings.members().isEmpty() ? java.util.List.of("127.0.0.1") : settings.members());

        config.addMapConfig(new MapConfig(CONFERENCES).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(INCIDENTS).setBackupCount(settings.backupCount()));
        config.addMapConfig(new MapConfig(SEEN_EVENTS).setBackupCount(settings.backupCount())
                .setTimeToLiveSeconds(SEEN_TTL_SECONDS));
        return config;
    }

    private static boolean isLoopback(String member) {
        return member.startsWith("127.") || member.startsWith("localhost");
    }
}
