package dev.lifeline.sim.taskrouter;

import java.time.Instant;

/** A worker's capacity on one task channel (Twilio: 1 for voice; configurable via {@code /Workers/{WK}/Channels}). */
final class WorkerChannel {
    final String sid;
    final String taskChannelSid;
    int capacity;
    boolean available = true;
    final Instant created;
    Instant updated;

    WorkerChannel(String sid, String taskChannelSid, int capacity, Instant now) {
        this.sid = sid;
        this.taskChannelSid = taskChannelSid;
        this.capacity = capacity;
        this.created = now;
        this.updated = now;
    }
}
