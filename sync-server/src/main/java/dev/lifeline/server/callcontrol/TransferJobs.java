package dev.lifeline.server.callcontrol;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import java.util.List;
import java.util.Optional;

/**
 * Transfers being started, completed or cancelled, keyed by conference SID (one at a time per call), in a replicated map: what a member that
 * dies in the middle leaves for the {@link TransferSweeper} of another to finish.
 */
public final class TransferJobs {

    private final IMap<String, String> jobs;

    public TransferJobs(HazelcastInstance hazelcast) {
        this.jobs = hazelcast.getMap(HazelcastMembers.TRANSFERS);
    }

    /** @return false when the call has a transfer being started already */
    boolean add(TransferJob job) {
        return jobs.putIfAbsent(job.conferenceSid(), job.toJson()) == null;
    }

    void update(TransferJob job) {
        jobs.set(job.conferenceSid(), job.toJson());
    }

    Optional<TransferJob> get(String conferenceSid) {
        return Optional.ofNullable(jobs.get(conferenceSid)).map(TransferJob::fromJson);
    }

    void finished(String conferenceSid) {
        jobs.delete(conferenceSid);
    }

    /** The conferences whose job this member holds the primary copy of: each member sweeps its own share. */
    List<String> localConferences() {
        return List.copyOf(jobs.localKeySet());
    }
}
