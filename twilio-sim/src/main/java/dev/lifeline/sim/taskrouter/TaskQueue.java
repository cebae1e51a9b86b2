package dev.lifeline.sim.taskrouter;

import java.time.Instant;

/** A queue: which workers may take its tasks ({@code target_workers}) and in which order tasks leave it. */
final class TaskQueue {
    final String sid;
    String friendlyName;
    RoutingExpression targetWorkers;
    int maxReservedWorkers = 1;
    /** {@code FIFO} or {@code LIFO} within a priority. */
    String taskOrder = "FIFO";
    String reservationActivitySid;
    String assignmentActivitySid;
    final Instant created;
    Instant updated;

    TaskQueue(String sid, String friendlyName, RoutingExpression targetWorkers, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.targetWorkers = targetWorkers;
        this.created = now;
        this.updated = now;
    }
}
