package dev.lifeline.server.taskrouter;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reservation as the server last heard of it from TaskRouter's events, kept in a Hazelcast map by
 * reservation SID so that any member can tell whose reservation a request names without asking Twilio.
 */
public record ReservationRecord(
        String reservationSid,
        String taskSid,
        String workerSid,
        String status,
        String channel,
        String workflowSid,
        String queueSid,
        String taskAttributesJson,
        Instant createdAt) implements Serializable {

    public ReservationRecord withStatus(String newStatus, String newAttributesJson) {
        return new ReservationRecord(reservationSid, taskSid, workerSid, newStatus, channel, workflowSid, queueSid,
                newAttributesJson != null ? newAttributesJson : taskAttributesJson, createdAt);
    }
}
