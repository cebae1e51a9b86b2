package dev.lifeline.server.twilio;

/** A conference as a list shows it; TaskRouter's conference instruction names it after the task SID. */
public record ConferenceSummary(String sid, String friendlyName) {
}
