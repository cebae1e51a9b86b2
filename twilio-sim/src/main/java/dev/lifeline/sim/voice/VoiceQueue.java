package dev.lifeline.sim.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Programmable Voice call queue ({@code QU…}): the calls waiting in it, oldest first. Twilio's queue is first in,
 * first out, so a call's position is its place in arrival order, counted from 1 (assumed: Twilio does not say whether
 * positions start at 0 or 1). Mutable; only touched while holding the world lock.
 */
final class VoiceQueue {

    final String sid;
    String friendlyName;
    int maxSize;
    final Instant dateCreated;
    Instant dateUpdated;
    /** Waiting calls by SID, in arrival order, with the time each entered. */
    private final Map<String, Instant> members = new LinkedHashMap<>();

    VoiceQueue(String sid, String friendlyName, int maxSize, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.maxSize = maxSize;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    boolean full() {
        return members.size() >= maxSize;
    }

    void add(String callSid, Instant now) {
        members.put(callSid, now);
        dateUpdated = now;
    }

    boolean remove(String callSid, Instant now) {
        boolean removed = members.remove(callSid) != null;
        if (removed) {
            dateUpdated = now;
        }
        return removed;
    }

    boolean contains(String callSid) {
        return members.containsKey(callSid);
    }

    int size() {
        return members.size();
    }

    /** 1 for the call that has waited longest; 0 when the call is not in the queue. */
    int position(String callSid) {
        int position = 1;
        for (String member : members.keySet()) {
            if (member.equals(callSid)) {
                return position;
            }
            position++;
        }
        return 0;
    }

    /** The call at {@code position} (1 = front), or null. */
    String at(int position) {
        return position < 1 || position > members.size() ? null : new ArrayList<>(members.keySet()).get(position - 1);
    }

    Instant enqueuedAt(String callSid) {
        return members.get(callSid);
    }

    List<String> callSids() {
        return List.copyOf(members.keySet());
    }

    /** Whole seconds the call has waited. */
    long waitSeconds(String callSid, Instant now) {
        Instant since = members.get(callSid);
        return since == null ? 0 : Duration.between(since, now).toSeconds();
    }

    /**
     * "An average of how long the current enqueued callers have been in the queue in seconds" (waitUrl's
     * {@code AvgQueueTime}; the Queue resource's {@code average_wait_time} is "calculated at the time of the request").
     * Whole seconds, rounded down; 0 for an empty queue.
     */
    long averageWaitSeconds(Instant now) {
        if (members.isEmpty()) {
            return 0;
        }
        long totalMillis = 0;
        for (Instant since : members.values()) {
            totalMillis += Duration.between(since, now).toMillis();
        }
        return totalMillis / members.size() / 1000;
    }
}
