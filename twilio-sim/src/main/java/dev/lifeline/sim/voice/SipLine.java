package dev.lifeline.sim.voice;

/**
 * How the voice side reaches SIP endpoints registered with the emulated SIP Domain ({@code sip:user@<domain>.sip.twilio.com}).
 * Implemented by the SIP user agent. Calls must not block: they are made while the world lock is held.
 */
public interface SipLine {

    /** No SIP Domain: a {@code sip:} leg rings until its timeout, as any unreachable address does. */
    SipLine NONE = new SipLine() {
        @Override
        public void ring(String callSid, String to, String from) {
        }

        @Override
        public void cancel(String callSid) {
        }

        @Override
        public void hangUp(String callSid) {
        }
    };

    /** INVITEs every current binding of {@code to}; the outcome comes back through {@link VoiceEmulator}'s {@code sip…} methods. */
    void ring(String callSid, String to, String from);

    /** The dial ended unanswered (timeout, canceled, the customer left): CANCEL every fork still ringing. */
    void cancel(String callSid);

    /** Twilio's side ended the answered leg (kicked, conference ended, completed via API): BYE, unless the endpoint already said BYE. */
    void hangUp(String callSid);
}
