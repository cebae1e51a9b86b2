package dev.lifeline.server.softphone;

import dev.lifeline.model.softphone.SoftphoneAccount;
import java.util.Optional;

/** How an agent's softphone reaches the voice network: their SIP account, and the address Twilio rings. */
public interface SoftphoneAccess {

    /** The signed-in agent's SIP account; empty for a user without a phone (a supervisor). */
    Optional<SoftphoneAccount> forIdentity(String identity);

    /** What the conference instruction dials to reach this agent ({@code sip:alice@lifeline.sip.twilio.com}). */
    String addressOf(String identity);
}
