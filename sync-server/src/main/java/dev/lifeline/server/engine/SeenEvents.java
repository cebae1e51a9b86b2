package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;

/**
 * Ids of webhook events already applied (the map expires them after a day). A fast path only: the
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

    public void markApplied(String eventId) {
        seen.set(eventId, Boolean.TRUE);
    }
}
