package dev.lifeline.server.inbound;

import java.util.Map;
import java.util.Optional;

/** A caller ringing one of the account's numbers, as Twilio's voice-URL request names it. */
public record IncomingCall(String callSid, String from, String to) {

    /** Empty when the request lacks what a call needs (a {@code CA…} call SID, {@code From}, {@code To}). */
    public static Optional<IncomingCall> of(Map<String, String> params) {
        String callSid = params.get("CallSid");
        String from = params.get("From");
        String to = params.get("To");
        if (callSid == null || !callSid.startsWith("CA") || isBlank(from) || isBlank(to)) {
            return Optional.empty();
        }
        return Optional.of(new IncomingCall(callSid, from, to));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
