package dev.lifeline.server.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.twilio.Twiml;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a caller hears first: queued on the voice workflow with the call's {@code from}, {@code to} and {@code call_sid}
 * on the task, or — when the call cannot be queued (no workflow yet, a request without a call) — a spoken apology, never
 * an error Twilio would read to the caller as "an application error has occurred". Business hours and menus go here,
 * in front of the queue; the TwiML itself is built in {@link Twiml}.
 */
public final class CallEntry {

    private static final Logger log = LoggerFactory.getLogger(CallEntry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> voiceWorkflowSid;

    /** @param voiceWorkflowSid the workflow callers are queued on; null or blank while there is none */
    public CallEntry(Supplier<String> voiceWorkflowSid) {
        this.voiceWorkflowSid = voiceWorkflowSid;
    }

    /** @return the TwiML document for this request */
    public String answer(Optional<IncomingCall> call) {
        if (call.isEmpty()) {
            log.warn("a voice-URL request without CallSid, From or To was answered with the apology");
            return Twiml.apology();
        }
        String workflow = voiceWorkflowSid.get();
        if (workflow == null || !workflow.startsWith("WW")) {
            log.warn("call {} answered with the apology: no voice workflow to queue it on", call.get().callSid());
            return Twiml.apology();
        }
        return Twiml.enqueue(workflow, attributes(call.get()));
    }

    private static String attributes(IncomingCall call) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("from", call.from());
        attributes.put("to", call.to());
        attributes.put("call_sid", call.callSid());
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("three strings always serialise", e);
        }
    }
}
