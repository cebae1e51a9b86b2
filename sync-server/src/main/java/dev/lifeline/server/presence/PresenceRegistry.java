package dev.lifeline.server.presence;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.model.agent.AgentPresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The desktops' heartbeats: the last time each identity was heard from, in a Hazelcast map so that every member
 * sees a heartbeat that arrived on another. An agent is {@link AgentPresence#ONLINE} while its last heartbeat is
 * younger than the grace period; TaskRouter's activity alone cannot say that (a crashed desktop still reads
 * "Available" there).
 */
public final class PresenceRegistry {

    public static final String MAP = "desktop-presence";

    private final IMap<String, Instant> lastSeen;
    private final Duration grace;
    private final Clock clock;
    private final Instant since;

    public PresenceRegistry(HazelcastInstance hazelcast, Duration grace, Clock clock) {
        this.lastSeen = hazelcast.getMap(MAP);
        this.grace = grace;
        this.clock = clock;
        this.since = clock.instant();
    }

    public void heartbeat(String identity) {
        lastSeen.set(identity, clock.instant());
    }

    public Optional<Instant> lastHeartbeat(String identity) {
        return Optional.ofNullable(lastSeen.get(identity));
    }

    /** ONLINE while heartbeats arrive; a desktop never heard from is GONE. */
    public AgentPresence presence(String identity) {
        Optional<Instant> last = lastHeartbeat(identity);
        return last.isPresent() && Duration.between(last.get(), clock.instant()).compareTo(grace) <= 0
                ? AgentPresence.ONLINE : AgentPresence.GONE;
    }

    /**
     * How long past the grace period the desktop has been silent; empty while it is online. A desktop never heard
     * from counts from when this server started, so a restart does not knock everybody offline at once.
     */
    public Optional<Duration> goneFor(String identity) {
        Duration silent = silentFor(identity);
        return silent.compareTo(grace) > 0 ? Optional.of(silent) : Optional.empty();
    }

    /** How long the desktop has been silent; a desktop never heard from counts from when this server started. */
    public Duration silentFor(String identity) {
        return Duration.between(lastHeartbeat(identity).orElse(since), clock.instant());
    }

    public Duration grace() {
        return grace;
    }
}
