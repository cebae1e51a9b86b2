package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/** {@code hold}: put one participant of the agent's conference on hold (they hear hold music). */
public record HoldParticipant(String conferenceSid, String callSid) implements ClientCommand {

    public HoldParticipant {
        Require.text(conferenceSid, "conferenceSid");
        Require.text(callSid, "callSid");
    }
}
