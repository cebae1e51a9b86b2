package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/** {@code complete-transfer}: the warm transfer's target is on the call; the agent leaves them with the customer. */
public record CompleteTransfer(String conferenceSid) implements ClientCommand {

    public CompleteTransfer {
        Require.text(conferenceSid, "conferenceSid");
    }
}
