package dev.lifeline.server.rebuild;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.timers.DaemonTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when more members died at once than the recovery maps have backups — Hazelcast then reports the
 * partitions whose every replica was on the dead members as lost (reliability.md §1.1) — and rebuilds the
 * records of those partitions from Twilio's REST state, so a customer on hold is never silently forgotten.
 * Listens on the {@code incidents} and {@code conferences} maps themselves: a map-level listener fires only when
 * that map's own backups were lost, so with {@code backup-count=2} and two members lost it stays silent.
 * <p>
 * Losses that arrive together are rebuilt in one pass, a moment after the last one (the partition table must
 * have assigned the lost partitions their new, empty, owners first); a pass that fails (Twilio unreachable) is
 * retried until it succeeds. Every member rebuilds: the writes are put-if-absent, so the work is repeated, never
 * the records.
 */
public final class PartitionLossWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLossWatcher.class);
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final List<String> WATCHED = List.of(HazelcastMembers.INCIDENTS, HazelcastMembers.CONFERENCES);

    private final HazelcastInstance hazelcast;
    private final StateRebuilder rebuilder;
    private final LifelineMetrics metrics;
    private final Set<Integer> lostPartitions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean passScheduled = new AtomicBoolean();
    private final List<Runnable> unregister = new ArrayList<>();
    private final ScheduledExecutorService worker = DaemonTimer.named("partition-loss-rebuild");

    public PartitionLossWatcher(HazelcastInstance hazelcast, StateRebuilder rebuilder, LifelineMetrics metrics) {
        this.hazelcast = hazelcast;
        this.rebuilder = rebuilder;
        this.metrics = metrics;
    }

    public PartitionLossWatcher start() {
        for (String map : WATCHED) {
            UUID registration = hazelcast.getMap(map).addPartitionLostListener(event -> lost(map, event.getPartitionId()));
            unregister.add(() -> hazelcast.getMap(map).removePartitionLostListener(registration));
        }
        return this;
    }

    /**
     * The startup rebuild, chosen to run only when this member is alone in its cluster: then either it is the
     * only server (a restart lost everything it held) or every member went down together, and no partition-lost
     * event will ever tell. It costs three list requests to Twilio and one call fetch per Recovery Ping TaskRouter
     * still lists (every incident is missing then); in-progress ones cost a few reads more. A member joining a
     * running cluster skips it: the cluster still holds the state.
     */
    public void rebuildIfAlone() {
        if (hazelcast.getCluster().getMembers().size() == 1) {
            worker.execute(this::rebuildEverything);
        }
    }

    private void rebuildEverything() {
        if (!pass(key -> true, "startup of a lone member")) {
            worker.schedule(this::rebuildEverything, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void lost(String map, int partitionId) {
        log.debug("partition {} of map {} lost with all its replicas", partitionId, map);
        metrics.partitionLost(map);
        lostPartitions.add(partitionId);
        schedulePass(SETTLE);
    }

    private void schedulePass(Duration delay) {
        if (passScheduled.compareAndSet(false, true)) {
            worker.schedule(this::rebuildLostPartitions, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rebuildLostPartitions() {
        passScheduled.set(false);
        Set<Integer> partitions = Set.copyOf(lostPartitions);
        log.error("{} partitions lost with all their replicas (more members died at once than there are backups); "
                + "rebuilding their records from Twilio", partitions.size());
        if (pass(key -> partitions.contains(hazelcast.getPartitionService().getPartition(key).getPartitionId()),
                partitions.size() + " lost partitions")) {
            lostPartitions.removeAll(partitions);
        } else {
            schedulePass(RETRY);
        }
    }

    private boolean pass(Predicate<String> keys, String why) {
        try {
            StateRebuilder.Rebuilt rebuilt = rebuilder.rebuild(keys);
            log.info("rebuild after {}: {} incidents and {} conferences restored", why, rebuilt.incidents(), rebuilt.conferences());
            return true;
        } catch (RuntimeException e) {
            log.warn("rebuild after {} failed; retrying in {}", why, RETRY, e);
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        for (Runnable remove : unregister) {
            try {
                remove.run();
            } catch (RuntimeException e) {
                log.debug("removing a partition-lost listener failed: {}", e.toString());
            }
        }
    }
}
