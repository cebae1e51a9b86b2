package dev.lifeline.server.webhooks;

import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.LeaveReason;
import java.util.Map;

/**
 * A conference status callback as Twilio posts it (twilio-api.md §1), form-encoded, turned into the domain's
 * {@link ConferenceCallback}. Booleans arrive as the strings {@code true}/{@code false}; absent ones are null.
 */
public final class ConferenceCallbackForm {

    private ConferenceCallbackForm() {
    }

    /**
     * @throws WebhookFormatException naming the parameter when a required one is missing or malformed
     */
    public static ConferenceCallback parse(Map<String, String> form) {
        String conferenceSid = required(form, "ConferenceSid");
        if (!conferenceSid.startsWith("CF")) {
            throw new WebhookFormatException("ConferenceSid", "must be a conference SID (CF…), got '" + conferenceSid + "'");
        }
        String event = required(form, "StatusCallbackEvent");
        String sequence = required(form, "SequenceNumber");
        long sequenceNumber;
        try {
            sequenceNumber = Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            throw new WebhookFormatException("SequenceNumber", "must be a number, got '" + sequence + "'");
        }
        String callSid = form.get("CallSid");
        if (event.startsWith("participant-") && (callSid == null || callSid.isBlank())) {
            throw new WebhookFormatException("CallSid", "is required for " + event);
        }
        return new ConferenceCallback(conferenceSid, callSid, ConferenceCallback.Kind.fromTwilio(event), sequenceNumber,
                form.get("ParticipantLabel"), bool(form, "Hold"), bool(form, "Muted"), bool(form, "EndConferenceOnExit"),
                LeaveReason.fromTwilio(form.get("ReasonParticipantLeft")), form.get("ParticipantCallStatus"),
                form.get("FriendlyName"), form.get("AnnounceUrl"));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookFormatException(name, "is required");
        }
        return value;
    }

    private static Boolean bool(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new WebhookFormatException(name, "must be true or false, got '" + value + "'");
        }
        return Boolean.valueOf(value);
    }
}
