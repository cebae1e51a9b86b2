package dev.lifeline.server.twilio;

import java.time.Instant;

/** A worker's activity as TaskRouter reports it. */
public record WorkerState(String sid, String friendlyName, String activitySid, String activityName, boolean available,
                          Instant activityChangedAt) {
}
