package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.EntryProcessor;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.timers.DaemonTimer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every record's expiry right again after a split brain heals. When Hazelcast 5.6 merges an entry it gives
 * the surviving record the merging copy's expiry, whichever copy the merge policy kept
 * ({@code DefaultRecordStore.merge} calls {@code mergeRecordExpiration} in every branch). So a live incident or
 * conference kept for its higher version can inherit the expiry of the other side's finished copy, and a finished
 * one can lose its expiry to the other side's older live copy. On this member's {@code MERGED} event (it was on the
 * smaller side, and its merge operations have completed) every record is written again with the expiry its own
 * state calls for: finished records expire after their retention from now, live ones never.
 *
 * <p>The inherited expiry cannot outrun the watchdog in the meantime: the retentions are longer than
 * {@code recovery.deadline}, by which every recovery has finished.
 */
public final class RetentionAfterMerge implements LifecycleListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionAfterMerge.class);

    private final HazelcastInstance hazelcast;
    private final Duration incidentRetention;
    private final Duration conferenceRetention;
    private final ScheduledExecutorService worker = DaemonTimer.named("retention-after-merge");
    private UUID registration;

    public RetentionAfterMerge(HazelcastInstance hazelcast, Duration incidentRetention, Duration conferenceRetention) {
        this.hazelcast = hazelcast;
        this.incidentRetention = incidentRetention;
        this.conferenceRetention = conferenceRetention;
    }

    public RetentionAfterMerge start() {
        registration = hazelcast.getLifecycleService().addLifecycleListener(this);
        return this;
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
            // Off the lifecycle thread: the pass writes to every partition.
            worker.execute(this::reapply);
        }
    }

    /** One pass over both maps; public so tests can run it. */
    public void reapply() {
        try {
            hazelcast.<String, Incident>getMap(HazelcastMembers.INCIDENTS)
                    .executeOnEntries(new ReapplyExpiry<>(ReapplyExpiry.Kind.INCIDENT, incidentRetention));
            hazelcast.<String, ConferenceRecord>getMap(HazelcastMembers.CONFERENCES)
                    .executeOnEntries(new ReapplyExpiry<>(ReapplyExpiry.Kind.CONFERENCE, conferenceRetention));
            log.info("expiry of incidents and conferences re-applied after a split-brain merge");
        } catch (RuntimeException e) {
            log.warn("could not re-apply the expiry of incidents and conferences after a merge", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        if (registration != null) {
            try {
                hazelcast.getLifecycleService().removeLifecycleListener(registration);
            } catch (RuntimeException e) {
                log.debug("removing the merge listener failed: {}", e.toString());
            }
        }
    }

    /** Writes the record back unchanged, with the expiry its state calls for. */
    static final class ReapplyExpiry<V> implements EntryProcessor<String, V, Void> {

        private static final long serialVersionUID = 1L;

        enum Kind { INCIDENT, CONFERENCE }

        private final Kind kind;
        private final Duration retention;

        ReapplyExpiry(Kind kind, Duration retention) {
            this.kind = kind;
            this.retention = retention;
        }

        @Override
        public Void process(Map.Entry<String, V> entry) {
            V value = entry.getValue();
            if (value != null) {
                boolean finished = switch (kind) {
                    case INCIDENT -> ((Incident) value).finished();
                    case CONFERENCE -> ((ConferenceRecord) value).ended();
                };
                Retention.store(entry, value, finished, retention);
            }
            return null;
        }
    }
}
