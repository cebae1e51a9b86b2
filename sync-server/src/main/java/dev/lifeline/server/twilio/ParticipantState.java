package dev.lifeline.server.twilio;

/** A conference participant as Twilio reports it. */
public record ParticipantState(String callSid, String label, boolean hold, boolean muted, boolean endConferenceOnExit, String status) {
}
