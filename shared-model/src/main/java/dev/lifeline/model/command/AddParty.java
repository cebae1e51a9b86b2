package dev.lifeline.model.command;

import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.model.validation.Require;

/**
 * {@code add-party}: the agent brings a third party into the call: a phone number (dialled into the conference at
 * once) or another agent by identity (offered a task of their own, and joined once they accept it). Exactly one of
 * {@code to} and {@code agent}.
 *
 * @param to    an E.164 number ({@code +15551230002}; the separators people type are dropped), or null
 * @param agent the identity of the agent to add ({@code bob}), or null
 */
public record AddParty(String conferenceSid, String to, String agent) implements ClientCommand {

    public AddParty {
        Require.text(conferenceSid, "conferenceSid");
        to = Require.optionalText(PlaceCall.normalised(to), "to");
        agent = Require.optionalText(agent, "agent");
        if ((to == null) == (agent == null)) {
            throw new IllegalArgumentException("to: give either a number (to) or an agent, not both or neither");
        }
        if (to != null && !PlaceCall.isE164(to)) {
            throw new IllegalArgumentException("to: must be a phone number in E.164, like +15551230002");
        }
    }

    public static AddParty number(String conferenceSid, String to) {
        return new AddParty(conferenceSid, to, null);
    }

    public static AddParty agent(String conferenceSid, String identity) {
        return new AddParty(conferenceSid, null, identity);
    }
}
