package dev.lifeline.server.twilio;

import java.time.Instant;

/** A reservation as a worker's (or a task's) reservation list shows it. */
public record ReservationState(String sid, String taskSid, String workerSid, String status, Instant createdAt) {
}
