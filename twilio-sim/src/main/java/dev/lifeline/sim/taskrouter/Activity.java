package dev.lifeline.sim.taskrouter;

import java.time.Instant;

/** A worker state; only {@code available} activities let TaskRouter reserve the worker. */
final class Activity {
    final String sid;
    String friendlyName;
    final boolean available;
    final Instant created;
    Instant updated;

    Activity(String sid, String friendlyName, boolean available, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.available = available;
        this.created = now;
        this.updated = now;
    }
}
