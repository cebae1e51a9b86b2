package dev.lifeline.server.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.serialization.LifelineSerialization;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;

/**
 * Starts this server's embedded Hazelcast member. Members find each other only through the configured
 * TCP-IP list (no multicast, no cloud auto-detection, no phone-home); the member port listens on one address
 * ({@code cluster.interface}, loopback for a one-host cluster), serves no Hazelcast clients, and deserializes
 * only the classes of {@link MemberSerializationFilter}.
 */
public final class HazelcastMembers {

    /** Conference state keyed by conference SID. */
    public static final String CONFERENCES = "conferences";
    /** Recovery incidents keyed by incident id. */
    public static final String INCIDENTS = "incidents";
    /** Ids of webhook events already applied (dedupe), expiring after a day. */
    public static final String SEEN_EVENTS = "seen";

    /** Latest incident per customer call (a lookup next to {@link #INCIDENTS}). */
    public static final String INCIDENTS_BY_CUSTOMER = INCIDENTS + "-by-customer";
    /** Which agents are present in each conference, a hint next to {@link #CONFERENCES} (engine.WorkerPresence). */
    public static final String PRESENT_WORKERS = CONFERENCES + "-present-workers";
    /** Accepted voice tasks waiting for their conference (a lookup next to {@link #CONFERENCES}). */
    public static final String PENDING_BY_TASK = CONFERENCES + "-pending-by-task";
    /** The latest finished incidents, for the supervisor panel after the incidents themselves have expired. */
    public static final String RECENT_OUTCOMES = INCIDENTS + "-recent-outcomes";
    /** Reservations the desktops heard of from TaskRouter, by reservation SID. */
    public static final String DESKTOP_RESERVATIONS = "desktop-reservations";
    /** Who performs which side effect right now. */
    public static final String EFFECT_LEASES = "effect-leases";
    /** Transfers being started, completed or cancelled, by conference SID, for a survivor to finish (TransferJobs). */
    public static final String TRANSFERS = "transfers";
    /** The split-brain protection shared by every recovery-state map. */
    public static final String MAJORITY_PROTECTION = "recovery-state-majority";

    private static final int SEEN_TTL_SECONDS = 86_400;
    /** The supervisor panel lists ten; the margin covers an outcome added twice (Hazelcast retrying an add). */
    private static final int RECENT_OUTCOMES_KEPT = 50;
    /**
     * How often the oldest member looks for another cluster to merge with (Hazelcast's defaults: first after
     * 300 s, then every 120 s). The minority answers 503 until it has merged, so a healed partition should merge
     * within half a minute.
     */
    private static final String MERGE_DELAY_SECONDS = "30";

    private HazelcastMembers() {
    }

    public static HazelcastInstance start(ClusterSettings settings) {
        return start(settings, config -> { });
    }

    /** As {@link #start(ClusterSettings)}, with more maps configured by a feature that owns them (callbacks). */
    public static HazelcastInstance start(ClusterSettings settings, java.util.function.Consumer<Config> moreMaps) {
        Config config = config(settings);
        moreMaps.accept(config);
        AsyncCallbacks.install();
        return Hazelcast.newHazelcastInstance(config);
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
        // hazelcast.operation.fail.on.indeterminate.state stays false (reliability.md §1.2): the engine does not
        // retry a store write itself. An effect's completion record that failed as "indeterminate" would leave its
        // lease to expire and the reconciler would perform the Twilio effect a second time, whereas today such a
        // write is kept by the primary and only lost if that member dies before replicating it.

        config.setProperty("hazelcast.merge.first.run.delay.seconds", MERGE_DELAY_SECONDS);
        config.setProperty("hazelcast.merge.next.run.delay.seconds", MERGE_DELAY_SECONDS);

        // The member protocol has no authentication or encryption in the Community edition: anything that reaches
        // this port can read and write recovery state, and with it make the reconciler call Twilio. So it listens on
        // one named address only (never on every interface), and it speaks the member protocol only: with the
        // advanced network a server socket serves a single protocol, so Hazelcast clients (and REST, memcache)
        // are refused instead of sharing the member port as they do by default.
        config.setProperty("hazelcast.socket.bind.any", "false");
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig memberEndpoint = new ServerSocketEndpointConfig();
        memberEndpoint.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
        memberEndpoint.getInterfaces().setEnabled(true).addInterface(settings.bindInterface());
        network.setMemberEndpointConfig(memberEndpoint);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true)
                .setMembers(settings.members().isEmpty() ? java.util.List.of("127.0.0.1") : settings.members());

        LifelineSerialization.configure(config.getSerializationConfig());

        RecoveryStateMaps maps = new RecoveryStateMaps(config, settings);
        // Every conference callback runs an EntryProcessor on its record. Kept serialized (BINARY), each one
        // deserialized the record and serialized it again. Records are immutable, so holding the objects is safe;
        // backups are still copies. The map has no index: Hazelcast copies an indexed OBJECT value before each
        // processor and updates the index after it, so who is in which conference is a hint map of its own.
        maps.versioned(CONFERENCES).setInMemoryFormat(InMemoryFormat.OBJECT);
        // A hint, checked against the records on every read and rewritten by the conference audit: either copy will do.
        maps.putIfAbsent(PRESENT_WORKERS);
        maps.versioned(INCIDENTS);
        // Event ids carry no version: put-if-absent keeps the union of both sides, which is all "seen" means.
        maps.putIfAbsent(SEEN_EVENTS).setTimeToLiveSeconds(SEEN_TTL_SECONDS);
        maps.putIfAbsent(INCIDENTS_BY_CUSTOMER);
        maps.putIfAbsent(PENDING_BY_TASK);
        // Protected so that a minority member can never claim, and so perform, a Twilio side effect.
        maps.putIfAbsent(EFFECT_LEASES);
        // Protected too: a minority member must not drive a transfer's Twilio steps.
        maps.putIfAbsent(TRANSFERS);
        maps.ringbuffer(RECENT_OUTCOMES, RECENT_OUTCOMES_KEPT);
        StateIndexes.configure(config);
        return config;
    }

    /**
     * Whether this member can serve recovery state right now: it runs and, with split-brain protection on, it is
     * on a side of the network with at least {@code cluster.min-size} members. A health check built on this lets a
     * load balancer stop sending Twilio's webhooks to a cut-off member, whose 503s Voice callbacks never retry.
     */
    public static boolean servesRecoveryState(HazelcastInstance member) {
        if (!member.getLifecycleService().isRunning()) {
            return false;
        }
        boolean protectedMaps = member.getConfig().getSplitBrainProtectionConfigs().containsKey(MAJORITY_PROTECTION);
        return !protectedMaps
                || member.getSplitBrainProtectionService().getSplitBrainProtection(MAJORITY_PROTECTION).hasMinimumSize();
    }
}
