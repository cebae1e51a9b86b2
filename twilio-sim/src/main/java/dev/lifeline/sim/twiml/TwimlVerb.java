package dev.lifeline.sim.twiml;

import java.util.List;

/** The TwiML verbs the emulator understands: what call updates, inbound calls, wait documents and menus use. */
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
     * {@code <Enqueue workflowSid="WW…" action method waitUrl waitUrlMethod><Task priority timeout>{json}</Task></Enqueue>}
     * or {@code <Enqueue …>queue name</Enqueue>}.
     *
     * @param workflowSid    the TaskRouter workflow; null for a queue by name
     * @param queueName      the queue's friendly name; null with a workflow (Twilio names that queue after the workflow)
     * @param priority       null when the {@code <Task>} has none (the workflow default applies)
     * @param timeoutSeconds null when the {@code <Task>} has none
     * @param action         requested when the call leaves the queue; null = go on with the next verb
     * @param waitUrl        what the caller hears while waiting: null = the built-in hold music (Twilio's default
     *                       playlist), empty = nothing
     */
    record Enqueue(String workflowSid, String queueName, String taskAttributes, Integer priority, Integer timeoutSeconds,
                   String action, String method, String waitUrl, String waitUrlMethod) implements TwimlVerb {

        /** A plain {@code <Enqueue workflowSid><Task>} without action or waitUrl. */
        public Enqueue(String workflowSid, String taskAttributes, Integer priority, Integer timeoutSeconds) {
            this(workflowSid, null, taskAttributes, priority, timeoutSeconds, null, "POST", null, "POST");
        }
    }

    /**
     * {@code <Gather input="dtmf" action method timeout finishOnKey numDigits actionOnEmptyResult>} with nested
     * {@code <Say>}, {@code <Play>} and {@code <Pause>} prompts.
     *
     * @param action         null = the document the {@code <Gather>} came from
     * @param finishOnKey    one of {@code 0-9 # *}, or empty for none
     * @param numDigits      null = unlimited
     */
    record Gather(String action, String method, int timeoutSeconds, String finishOnKey, Integer numDigits,
                  boolean actionOnEmptyResult, List<TwimlVerb> prompts) implements TwimlVerb {
        public Gather {
            prompts = List.copyOf(prompts);
        }
    }

    /** {@code <Redirect method="POST">url</Redirect>}: the call goes on with the TwiML at that URL. */
    record Redirect(String url, String method) implements TwimlVerb {
    }

    /** {@code <Leave/>}: the call leaves its queue and goes on after its {@code <Enqueue>}. */
    record Leave() implements TwimlVerb {
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
