package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.conference.ConferenceRecord;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which conferences have an agent's leg in them, kept beside the conference records as a hint: the lookups of "the
 * conference this agent is in" (the supervisor panel each second, transfers, dialling, the ghost-leg reaper) find
 * the candidates here, by an index, and {@link ConferenceStore} checks every candidate against its record, the truth.
 *
 * <p>Why not an index on the records themselves: every conference callback rewrites its record, and an indexed map
 * made Hazelcast copy the record before each change and update the index after it. That was the webhook's largest
 * remaining cost on the partition threads ({@code bench/run.sh webhooks}: p99 about 1 s at 3,000/s with it, tens of
 * milliseconds without). The hint changes only when an agent's leg comes or goes.
 *
 * <p>A hint is written after its record, with the record's version, and a write older than the hint held is ignored,
 * so two changes of a conference racing to write their hints leave the newer. A hint with nobody in it is kept for
 * {@link #EMPTY_KEPT}, so that a late write of an older version cannot bring back an agent who has left. A member
 * dying between the record and its hint leaves the hint behind; the conference audit rewrites the hint of every live
 * conference it looks at.
 */
final class WorkerPresence {

    /** Far longer than two changes of one conference can race (they are milliseconds apart). */
    static final Duration EMPTY_KEPT = Duration.ofHours(1);

    private final IMap<String, PresentWorkers> hints;

    WorkerPresence(HazelcastInstance hazelcast) {
        this.hints = hazelcast.getMap(HazelcastMembers.PRESENT_WORKERS);
    }

    /** Brings the conference's hint up to its record (nothing when the hint is as new already). */
    void follow(ConferenceRecord record) {
        hints.executeOnKey(record.conferenceSid(), new Follow(record.version(),
                record.presentWorkerSids().stream().sorted().toList()));
    }

    /** The conferences the hints place the worker in: candidates, to be checked against their records. */
    Set<String> candidatesFor(String workerSid) {
        return hints.keySet(Predicates.equal(StateIndexes.PRESENT_WORKER, workerSid));
    }

    /** The agents present in a conference as of the record version it was written from. */
    record PresentWorkers(long version, List<String> workerSids) implements Serializable {
    }

    /** Writes the hint of version {@code version} unless the entry holds a newer one. */
    record Follow(long version, List<String> workerSids)
            implements EntryProcessor<String, PresentWorkers, Void>, Serializable {

        @Override
        public Void process(Map.Entry<String, PresentWorkers> entry) {
            PresentWorkers held = entry.getValue();
            if (held != null && held.version() > version) {
                return null;
            }
            if (held != null && held.version() == version && held.workerSids().equals(workerSids)) {
                return null;
            }
            PresentWorkers hint = new PresentWorkers(version, workerSids);
            if (workerSids.isEmpty() && entry instanceof ExtendedMapEntry<String, PresentWorkers> expiring) {
                expiring.setValue(hint, EMPTY_KEPT.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                entry.setValue(hint);
            }
            return null;
        }
    }
}
