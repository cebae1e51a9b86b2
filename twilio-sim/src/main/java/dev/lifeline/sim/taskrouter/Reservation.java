package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.SimClock;
import java.time.Instant;

/** A task offered to one worker. */
final class Reservation {
    final String sid;
    final String taskSid;
    final String workerSid;
    final String taskChannelSid;
    ReservationStatus status = ReservationStatus.PENDING;
    final Instant created;
    Instant updated;
    int version;
    SimClock.Timer timeoutTimer;
    /** The worker's call leg once a conference instruction dialled it. */
    String workerCallSid;
    String conferenceSid;
    /** The conference instruction's {@code PostWorkActivitySid}: the worker's activity once their leg leaves. */
    String postWorkActivitySid;

    Reservation(String sid, String taskSid, String workerSid, String taskChannelSid, Instant now) {
        this.sid = sid;
        this.taskSid = taskSid;
        this.workerSid = workerSid;
        this.taskChannelSid = taskChannelSid;
        this.created = now;
        this.updated = now;
    }

    void moveTo(ReservationStatus next, Instant now) {
        status = next;
        updated = now;
        version++;
        if (next != ReservationStatus.PENDING && timeoutTimer != null) {
            timeoutTimer.cancel();
            timeoutTimer = null;
        }
    }
}
