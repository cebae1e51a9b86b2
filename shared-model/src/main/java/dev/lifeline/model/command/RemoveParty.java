package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code remove-party}: the agent takes another party off the call (their leg is hung up). Not the agent's own leg
 * (that is {@link HangUp}) and not the customer (the customer's leaving ends the call: that too is {@link HangUp}).
 */
public record RemoveParty(String conferenceSid, String callSid) implements ClientCommand {

    public RemoveParty {
        Require.text(conferenceSid, "conferenceSid");
        Require.text(callSid, "callSid");
    }
}
