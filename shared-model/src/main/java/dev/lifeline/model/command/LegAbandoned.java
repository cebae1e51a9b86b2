package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code leg-abandoned}: a desktop that starts finds that the previous desktop process on this computer, for this
 * agent, died while it held this call leg (it keeps the legs it answers in a small file until they end). A softphone
 * that dies sends no BYE, and Twilio documents no time after which it ends such a SIP leg, so without this word the
 * leg stays connected to nobody — and a desktop restarted at once by its guardian heartbeats again before the
 * server's ghost-leg grace runs out. The server ends the leg through the REST API as a drop, so the recovery starts
 * at once. Only a present leg of the caller's own worker may be named; anything else answers 404.
 *
 * @param callSid the agent leg the dead process answered ({@code CA…}, from Twilio's {@code X-Twilio-CallSid})
 */
public record LegAbandoned(String callSid) implements ClientCommand {

    public LegAbandoned {
        Require.text(callSid, "callSid");
    }
}
