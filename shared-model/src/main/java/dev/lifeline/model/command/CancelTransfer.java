package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code cancel-transfer}: the agent keeps the customer after all: the warm transfer's target leaves (or is no longer
 * offered the call) and the customer comes off hold.
 */
public record CancelTransfer(String conferenceSid) implements ClientCommand {

    public CancelTransfer {
        Require.text(conferenceSid, "conferenceSid");
    }
}
