package dev.lifeline.model.reservation;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * A TaskRouter reservation offered to (or held by) one agent.
 *
 * @param reservationSid  TaskRouter reservation SID ({@code WR…})
 * @param taskSid         the reserved task ({@code WT…})
 * @param workerSid       the agent it is for ({@code WK…})
 * @param status          TaskRouter's {@code reservation_status}
 * @param channel         the task channel's unique name, e.g. {@code "voice"}
 * @param customerLabel   how to show the caller ("Jane Doe", or the number when unknown); optional
 * @param customerNumber  the caller's number in E.164; optional (withheld numbers)
 * @param queueName       the TaskQueue the task came through; optional
 * @param createdAt       when TaskRouter created the reservation
 * @param ringDeadline    when TaskRouter times the reservation out (created + the workflow's reservation
 *                        timeout); optional
 * @param isRecoveryPing  true for Lifeline's Recovery Ping task: the desktop auto-accepts it
 * @param isReconnect     true only for the task that brings the dropped customer back to the same agent, offered to
 *                        that agent while their incident waits for it; a requeued customer's task is ordinary work
 *                        (false) although its attributes still say {@code isReconnect}
 * @param incidentId      the recovery incident the task came from (a requeued customer's ordinary offer keeps it,
 *                        as its task attributes do for reporting); {@code null} for work no recovery touched
 */
public record ReservationView(
        String reservationSid,
        String taskSid,
        String workerSid,
        ReservationStatus status,
        String channel,
        String customerLabel,
        String customerNumber,
        String queueName,
        Instant createdAt,
        Instant ringDeadline,
        boolean isRecoveryPing,
        boolean isReconnect,
        String incidentId) {

    public ReservationView {
        Require.text(reservationSid, "reservationSid");
        Require.text(taskSid, "taskSid");
        Require.text(workerSid, "workerSid");
        Require.present(status, "status");
        Require.text(channel, "channel");
        Require.present(createdAt, "createdAt");
        incidentId = Require.optionalText(incidentId, "incidentId");
        if ((isRecoveryPing || isReconnect) && incidentId == null) {
            throw new IllegalArgumentException(
                    "incidentId: " + Require.MISSING + " (a recovery ping or reconnect belongs to an incident)");
        }
    }

    /** True while the agent can still accept or reject it. */
    public boolean isPending() {
        return status == ReservationStatus.PENDING;
    }

    /** True if it belongs to a recovery (ping or reconnect): the Reconnecting modal accepts it by itself. */
    public boolean isPartOfRecovery() {
        return isRecoveryPing || isReconnect;
    }
}
