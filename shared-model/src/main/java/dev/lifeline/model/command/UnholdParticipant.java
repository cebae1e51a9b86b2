package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/** {@code unhold}: take a participant of the agent's conference off hold. */
public record UnholdParticipant(String conferenceSid, String callSid) implements ClientCommand {

    public UnholdParticipant {
        Require.text(conferenceSid, "conferenceSid");
        Require.text(callSid, "callSid");
    }
}
