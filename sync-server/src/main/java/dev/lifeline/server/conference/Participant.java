package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;

import java.io.Serializable;
import java.util.Objects;

/**
 * One call leg of a conference as the server last heard of it.
 *
 * @param worker         the agent assignment for {@link PartyRole#WORKER} legs, otherwise {@code null}
 * @param present        in the conference right now
 * @param hasLeft        a {@code participant-leave} was applied (possibly before the join arrived)
 * @param leftGracefully the agent hung up or cold-transferred through the server, so its leave is not a drop
 * @param lastSequence   Twilio {@code SequenceNumber} of the last callback applied to this leg; anything at
 *                       or below it is a duplicate or stale
 */
public record Participant(
        String callSid,
        PartyRole role,
        String label,
        WorkerAssignment worker,
        boolean hold,
        boolean muted,
        boolean endConferenceOnExit,
        boolean present,
        boolean hasLeft,
        boolean leftGracefully,
        long lastSequence) implements Serializable {

    public Participant {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(role, "role");
    }

    /** A leg first heard of now; {@code endConferenceOnExit} is assumed true until Twilio says otherwise. */
    static Participant unknown(String callSid, PartyRole role) {
        return new Participant(callSid, role, null, null, false, false, true, false, false, false, -1);
    }

    boolean isPresentWorker() {
        return present && role == PartyRole.WORKER;
    }

    PartySnapshot snapshot() {
        return new PartySnapshot(callSid, role, label, hold, muted, endConferenceOnExit);
    }

    Participant withRole(PartyRole newRole, WorkerAssignment newWorker) {
        return new Participant(callSid, newRole, label, newWorker, hold, muted, endConferenceOnExit, present, hasLeft,
                leftGracefully, lastSequence);
    }

    Participant withPresence(boolean newPresent, boolean newHasLeft) {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, newPresent, newHasLeft,
                leftGracefully, lastSequence);
    }

    Participant withFlags(String newLabel, boolean newHold, boolean newMuted, boolean newEndConferenceOnExit) {
        return new Participant(callSid, role, newLabel, worker, newHold, newMuted, newEndConferenceOnExit, present,
                hasLeft, leftGracefully, lastSequence);
    }

    Participant gracefully() {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, present, hasLeft, true,
                lastSequence);
    }

    Participant seen(long sequence) {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, present, hasLeft,
                leftGracefully, Math.max(lastSequence, sequence));
    }
}
