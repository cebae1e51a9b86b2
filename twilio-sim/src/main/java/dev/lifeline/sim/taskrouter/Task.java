package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.SimClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A unit of work routed by a workflow to a queue and offered to workers as reservations. */
final class Task {

    /** Twilio's default task {@code Timeout} (TTL) in seconds: 24 hours. */
    static final int DEFAULT_TTL_SECONDS = 86_400;

    final String sid;
    final String workflowSid;
    String attributesJson;
    Map<String, Object> attributes;
    int priority;
    final int timeout;
    final String taskChannelSid;
    TaskStatus status = TaskStatus.PENDING;
    String reason;
    int version;
    final Instant created;
    Instant updated;
    /** Arrival order, the FIFO tie-break between tasks created in the same instant. */
    final long arrival;

    String queueSid;
    Instant queueEnteredAt;
    /** Index of the matched workflow filter, or -1 for the default filter. */
    int filterIndex = -1;
    /** Index of the current target within the filter, or -1 while in the default queue. */
    int targetIndex = -1;
    /** Workers that rejected this task: TaskRouter does not offer it to them again. */
    final Set<String> rejectedBy = new HashSet<>();
    SimClock.Timer ttlTimer;
    SimClock.Timer stepTimer;

    Task(String sid, String workflowSid, String attributesJson, Map<String, Object> attributes, int priority,
         int timeout, String taskChannelSid, Instant now, long arrival) {
        this.sid = sid;
        this.workflowSid = workflowSid;
        this.attributesJson = attributesJson;
        this.attributes = attributes;
        this.priority = priority;
        this.timeout = timeout;
        this.taskChannelSid = taskChannelSid;
        this.created = now;
        this.updated = now;
        this.arrival = arrival;
    }

    void touch(Instant now) {
        updated = now;
        version++;
    }

    void cancelTimers() {
        if (ttlTimer != null) {
            ttlTimer.cancel();
            ttlTimer = null;
        }
        cancelStepTimer();
    }

    void cancelStepTimer() {
        if (stepTimer != null) {
            stepTimer.cancel();
            stepTimer = null;
        }
    }
}
