package dev.lifeline.sim.taskrouter;

import java.time.Instant;

/** A kind of work ({@code default}, {@code voice}, …); workers have a capacity per channel. */
final class TaskChannel {
    final String sid;
    final String uniqueName;
    String friendlyName;
    final Instant created;
    Instant updated;

    TaskChannel(String sid, String uniqueName, String friendlyName, Instant now) {
        this.sid = sid;
        this.uniqueName = uniqueName;
        this.friendlyName = friendlyName;
        this.created = now;
        this.updated = now;
    }
}
