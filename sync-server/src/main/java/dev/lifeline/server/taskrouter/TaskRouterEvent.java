package dev.lifeline.server.taskrouter;

/**
 * One TaskRouter event, as the engine and the desktops see it: what happened ({@code eventType}, e.g.
 * {@code reservation.accepted}) to which task, reservation and worker. Parsed at the edge from an Event Streams
 * delivery (the {@code data.payload} fields of twilio-api.md §4); absent fields are null.
 *
 * @param id the CloudEvent's id: Event Streams may deliver an event more than once, and this is how it is recognised
 */
public record TaskRouterEvent(
        String id,
        String eventType,
        String taskSid,
        String taskAttributes,
        String taskAssignmentStatus,
        String taskCanceledReason,
        String taskChannel,
        String taskQueueSid,
        String workflowSid,
        String workerSid,
        String reservationSid,
        String reservationStatus) {
}
