package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.Objects;

/**
 * A party still in the conference when the agent dropped, as it was at that moment. The move into the
 * new conference re-dials each party with these values, because a {@code <Dial><Conference>} starts
 * from Twilio's defaults otherwise and hold/mute would be lost (seed §8.8).
 */
public record PartySnapshot(
        String callSid,
        PartyRole role,
        String label,
        boolean hold,
        boolean muted,
        boolean endConferenceOnExit) implements Serializable {

    public PartySnapshot {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(role, "role");
    }
}
