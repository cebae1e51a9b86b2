package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import java.util.concurrent.CompletionStage;

/**
 * Ids of TaskRouter events already applied (the map expires them after a day); a conference callback needs none,
 * its record is its own redelivery check ({@link RecoveryEngine#onConferenceCallback}). A fast path only: the
 * transitions themselves are idempotent, so an event is marked after it has been applied, never before —
 * a crash in between means it is applied again, harmlessly, rather than lost.
 */
public final class SeenEvents {

    private final IMap<String, Boolean> seen;

    public SeenEvents(HazelcastInstance hazelcast) {
        this.seen = hazelcast.getMap(HazelcastMembers.SEEN_EVENTS);
    }

    public boolean alreadyApplied(String eventId) {
        return seen.containsKey(eventId);
    }

    /**
     * Not waited for: the webhook's thread need not park while the partition thread stores a fast-path hint. A
     * redelivery that follows looks at the same key, queued behind the mark on its partition; one that races it, or
     * a mark lost with a member, only means the event is applied again, which the transitions make harmless.
     *
     * @return completes when the mark is stored (or refused, e.g. on a member below the cluster's minimum size)
     */
    public CompletionStage<Void> markApplied(String eventId) {
        return seen.setAsync(eventId, Boolean.TRUE);
    }
}
