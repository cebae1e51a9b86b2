package dev.lifeline.server.twilio;

import java.time.Instant;

/** A task with the fields a desktop shows ({@code age} in seconds). */
public record TaskDetails(String sid, String assignmentStatus, String attributesJson, String workflowSid, String channel,
                          int priority, long ageSeconds, String queueSid, String queueName, Instant createdAt) {
}
