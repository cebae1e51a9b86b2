package dev.lifeline.desktop.simulator;

/**
 * One demo customer's call as the server's {@code GET /demo/calls} lists it: the emulator's Voice call with its
 * status ({@code queued}, {@code ringing}, {@code in-progress}, {@code completed}…), what it is doing
 * ({@code activity}, e.g. enqueued or in a conference) and the conference it is in, if any.
 */
public record CustomerCall(String callSid, String from, String status, String activity, String conferenceSid) {

    /** Twilio's terminal call statuses: the call is over and nothing can act on it any more. */
    public boolean isOver() {
        return "completed".equals(status) || "canceled".equals(status) || "failed".equals(status)
                || "busy".equals(status) || "no-answer".equals(status);
    }
}
