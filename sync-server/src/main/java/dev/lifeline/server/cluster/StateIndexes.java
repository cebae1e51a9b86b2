package dev.lifeline.server.cluster;

import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.timers.DaemonTimer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attributes that periodic and per-request reads look records up by, and the map indexes that make each such
 * read a lookup on every member instead of a copy of the whole map. Hazelcast extracts an attribute from the
 * deserialized value by reflection: a record's accessor ({@code droppedWorker().workerSid()}), an
 * {@code isX()} method ({@code Incident.isTerminal()} is {@code terminal}), or a list, whose elements {@code [any]}
 * indexes one by one. The conference records themselves have no index: every webhook rewrites one (see
 * {@code engine.WorkerPresence}). A query runs on
 * each member's own partitions and is answered alike with or without an index; the index only makes it cheap.
 *
 * <p>The recovery maps get their indexes at run time, once this member is on a side with the cluster's minimum
 * size ({@link #addWhenServing}), not in the map config: Hazelcast 5.6 creates a configured index on every
 * partition each time a member first opens the map, and that operation is refused by split-brain protection, so a
 * server starting alone (below the minimum) could not even open its maps. An added index travels with the
 * partitions to members that join later. The desktop reservations map is not protected and is indexed in config.
 */
public final class StateIndexes {

    /** An incident's dropped agent. */
    public static final String INCIDENT_WORKER = "droppedWorker.workerSid";
    /** {@code Incident.isTerminal()}: false while the recovery is in progress. */
    public static final String INCIDENT_TERMINAL = "terminal";
    /** {@code Incident.finished()}: terminal with every effect settled, so nothing is left for the reconciler. */
    public static final String INCIDENT_FINISHED = "finished";
    /** Each worker whose leg is in the conference now, in the presence hint of a conference (engine.WorkerPresence). */
    public static final String PRESENT_WORKER = "workerSids[any]";
    /** The task a reservation offers. */
    public static final String RESERVATION_TASK = "taskSid";

    private static final Logger log = LoggerFactory.getLogger(StateIndexes.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Map<String, List<String>> RECOVERY_MAP_INDEXES = Map.of(
            HazelcastMembers.INCIDENTS, List.of(INCIDENT_WORKER, INCIDENT_TERMINAL, INCIDENT_FINISHED),
            HazelcastMembers.PRESENT_WORKERS, List.of(PRESENT_WORKER));

    private StateIndexes() {
    }

    static void configure(Config config) {
        config.getMapConfig(HazelcastMembers.DESKTOP_RESERVATIONS)
                .addIndexConfig(new IndexConfig(IndexType.HASH, RESERVATION_TASK));
        for (String map : List.of(HazelcastMembers.INCIDENTS, HazelcastMembers.PRESENT_WORKERS,
                HazelcastMembers.DESKTOP_RESERVATIONS)) {
            // Hazelcast's default keeps a deserialized copy of every indexed value next to its binary form, which
            // added about 80 % to each record's heap (bench/run.sh maps); the queries here return few records.
            config.getMapConfig(map).setCacheDeserializedValues(CacheDeserializedValues.NEVER);
        }
    }

    /**
     * Adds the recovery maps' indexes as soon as this member serves recovery state, retrying until it has; adding
     * an index that exists changes nothing, so every member doing it is harmless.
     *
     * @return stops the retries (close it with the member)
     */
    public static AutoCloseable addWhenServing(HazelcastInstance member) {
        ScheduledExecutorService timer = DaemonTimer.named("state-indexes");
        Runnable attempt = new Runnable() {
            @Override
            public void run() {
                if (!tryAdd(member)) {
                    timer.schedule(this, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        };
        timer.execute(attempt);
        return timer::shutdownNow;
    }

    /** One attempt; false while this member is below the minimum (or the cluster is busy). */
    public static boolean tryAdd(HazelcastInstance member) {
        if (!HazelcastMembers.servesRecoveryState(member)) {
            return false;
        }
        try {
            RECOVERY_MAP_INDEXES.forEach((map, attributes) -> attributes.forEach(attribute ->
                    member.getMap(map).addIndex(new IndexConfig(IndexType.HASH, attribute))));
            return true;
        } catch (RuntimeException e) {
            log.debug("indexes of the recovery maps not added yet: {}", e.toString());
            return false;
        }
    }
}
