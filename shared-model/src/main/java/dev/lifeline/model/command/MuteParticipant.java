package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code mute}: mute ({@code muted=true}) or unmute ({@code muted=false}) a participant, usually the agent's own
 * leg. {@code muted} must be sent: the codec rejects a missing primitive rather than guessing "unmute".
 */
public record MuteParticipant(String conferenceSid, String callSid, boolean muted) implements ClientCommand {

    public MuteParticipant {
        Require.text(conferenceSid, "conferenceSid");
        Require.text(callSid, "callSid");
    }
}
