package dev.lifeline.sim.twiml;

import java.util.List;

/** The TwiML verbs the emulator understands: what call updates and inbound calls use. */
public sealed interface TwimlVerb {

    /** {@code <Dial><Conference …>name</Conference></Dial>}. */
    record DialConference(ConferenceJoin conference) implements TwimlVerb {
    }

    /**
     * {@code <Dial timeout="n"><Sip>sip:user@domain.sip.twilio.com</Sip></Dial>}: the call is connected to a SIP
     * endpoint; when that leg ends (or never answers) the call goes on with its next verb.
     *
     * @param timeoutSeconds {@code <Dial timeout>}, Twilio's default 30
     */
    record DialSip(String uri, int timeoutSeconds) implements TwimlVerb {
    }

    /**
     * {@code <Enqueue workflowSid="WW…"><Task priority="…" timeout="…">{json}</Task></Enqueue>}.
     *
     * @param priority       null when the {@code <Task>} has none (the workflow default applies)
     * @param timeoutSeconds null when the {@code <Task>} has none
     */
    record Enqueue(String workflowSid, String taskAttributes, Integer priority, Integer timeoutSeconds)
            implements TwimlVerb {
    }

    /** {@code <Play loop="n">url</Play>}; {@code loop=0} plays until the call moves on (hold music). */
    record Play(String url, int loop) implements TwimlVerb {
    }

    /** {@code <Say loop="n">text</Say>}. */
    record Say(String text, int loop) implements TwimlVerb {
    }

    /** {@code <Pause length="n"/>}, default one second. */
    record Pause(int seconds) implements TwimlVerb {
    }

    /** {@code <Hangup/>}. */
    record Hangup() implements TwimlVerb {
    }

    /**
     * The {@code <Conference>} noun and its attributes, as Twilio documents them. Attributes left out are
     * null so the caller can apply Twilio's defaults.
     */
    record ConferenceJoin(
            String name,
            String participantLabel,
            Boolean muted,
            String beep,
            Boolean startConferenceOnEnter,
            Boolean endConferenceOnExit,
            String waitUrl,
            String statusCallback,
            String statusCallbackMethod,
            List<String> statusCallbackEvents,
            Boolean coach) {
    }
}
