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
 * @param endedForSilence the server ends this agent leg through the REST API because its desktop stopped sending
 *                       heartbeats (a ghost leg): its leave, which Twilio reports as {@code participant_updated_via_api},
 *                       is a drop
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
        long lastSequence,
        boolean endedForSilence) implements Serializable {

    public Participant {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(role, "role");
    }

    /** A leg first heard of now; {@code endConferenceOnExit} is assumed true until Twilio says otherwise. */
    static Participant unknown(String callSid, PartyRole role) {
        return new Participant(callSid, role, null, null, false, false, true, false, false, false, -1, false);
    }

    boolean isPresentWorker() {
        return present && role == PartyRole.WORKER;
    }

    PartySnapshot snapshot() {
        return new PartySnapshot(callSid, role, label, hold, muted, endConferenceOnExit);
    }

    Participant withRole(PartyRole newRole, WorkerAssignment newWorker) {
        return new Participant(callSid, newRole, label, newWorker, hold, muted, endConferenceOnExit, present, hasLeft,
                leftGracefully, lastSequence, endedForSilence);
    }

    Participant withPresence(boolean newPresent, boolean newHasLeft) {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, newPresent, newHasLeft,
                leftGracefully, lastSequence, endedForSilence);
    }

    Participant withFlags(String newLabel, boolean newHold, boolean newMuted, boolean newEndConferenceOnExit) {
        return new Participant(callSid, role, newLabel, worker, newHold, newMuted, newEndConferenceOnExit, present,
                hasLeft, leftGracefully, lastSequence, endedForSilence);
    }

    Participant gracefully() {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, present, hasLeft, true,
                lastSequence, endedForSilence);
    }

    Participant endingForSilence() {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, present, hasLeft,
                leftGracefully, lastSequence, true);
    }

    Participant seen(long sequence) {
        return new Participant(callSid, role, label, worker, hold, muted, endConferenceOnExit, present, hasLeft,
                leftGracefully, Math.max(lastSequence, sequence), endedForSilence);
    }
}
