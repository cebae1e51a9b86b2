/**
 * TaskRouter, as the server understands it: the {@link dev.lifeline.server.taskrouter.TaskRouterEvent} the webhook
 * edge parses Event Streams deliveries into; what an event about a Recovery Ping or reconnect task means for its
 * incident ({@link dev.lifeline.server.taskrouter.RecoveryTaskEvents}); the reservations heard of
 * ({@link dev.lifeline.server.taskrouter.Reservations}) and the offers, changes and task views desktops get from them
 * ({@link dev.lifeline.server.taskrouter.ReservationEvents}, {@link dev.lifeline.server.taskrouter.ReservationViews});
 * task attributes as JSON. The calls the server makes to TaskRouter are in {@code twilio/TaskRouterGateway}.
 */
package dev.lifeline.server.taskrouter;
