package dev.lifeline.server.desktop;

import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.event.TaskChanged;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.webhooks.TaskRouterEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns TaskRouter's Event Streams events into desktop events: {@code reservation.created} → an offer to that
 * worker, {@code canceled/rescinded/timeout} → the offer is gone, other reservation moves → changed, task events →
 * {@code task-changed} to every agent holding a reservation on the task. Also keeps the reservation index.
 */
final class TaskRouterEvents {

    private final DesktopHub hub;
    private final AgentDirectory agents;
    private final Clock clock;
    private final Function<String, Optional<Incident>> incidents;
    private volatile String pingWorkflowSid;
    private volatile java.util.Map<String, String> queueNames = java.util.Map.of();

    /** @param incidents incident id → the incident now: whether a reconnect is still the returning agent's */
    TaskRouterEvents(DesktopHub hub, AgentDirectory agents, Clock clock, Function<String, Optional<Incident>> incidents) {
        this.hub = hub;
        this.agents = agents;
        this.clock = clock;
        this.incidents = incidents;
    }

    void pingWorkflowSid(String workflowSid) {
        this.pingWorkflowSid = workflowSid;
    }

    void queueNames(java.util.Map<String, String> namesBySid) {
        this.queueNames = java.util.Map.copyOf(namesBySid);
    }

    void handle(TaskRouterEvent event) {
        String type = event.eventType() == null ? "" : event.eventType();
        if (type.startsWith("reservation.") && event.reservationSid() != null && event.workerSid() != null) {
            reservationEvent(type.substring("reservation.".length()), event);
        } else if (type.startsWith("task.") && event.taskSid() != null) {
            taskEvent(event);
        }
    }

    private void reservationEvent(String what, TaskRouterEvent event) {
        String status = event.reservationStatus() != null ? event.reservationStatus() : statusOf(what);
        ReservationRecord record = hub.reservation(event.reservationSid())
                .map(known -> known.withStatus(status, event.taskAttributes()))
                .orElseGet(() -> new ReservationRecord(event.reservationSid(), event.taskSid(), event.workerSid(), status,
                        event.taskChannel(), event.workflowSid(), event.taskQueueSid(), event.taskAttributes(), clock.instant()));
        hub.remember(record);
        Optional<String> identity = agents.identityOfWorker(event.workerSid());
        if (identity.isEmpty()) {
            return;
        }
        Optional<ReservationStatus> wire = reservationStatus(status);
        if (wire.isEmpty()) {
            return;
        }
        switch (what) {
            case "created" -> hub.sendTo(identity.get(), new ReservationOffered(view(record)));
            case "canceled", "rescinded", "timeout" ->
                    hub.sendTo(identity.get(), new ReservationRescinded(record.reservationSid(), wire.get()));
            default -> hub.sendTo(identity.get(), new ReservationChanged(view(record)));
        }
    }

    private void taskEvent(TaskRouterEvent event) {
        Optional<TaskStatus> status = taskStatus(event.taskAssignmentStatus());
        if (status.isEmpty()) {
            return;
        }
        for (ReservationRecord record : hub.reservationsOfTask(event.taskSid())) {
            if (event.taskAttributes() != null) {
                hub.remember(record.withStatus(record.status(), event.taskAttributes()));
            }
            TaskAttributes attributes = WireViews.attributes(
                    event.taskAttributes() != null ? event.taskAttributes() : record.taskAttributesJson());
            long age = record.createdAt() == null ? 0 : Math.max(0, Duration.between(record.createdAt(), clock.instant()).toSeconds());
            TaskView task = new TaskView(event.taskSid(), status.get(), channelOr(event.taskChannel(), record.channel()),
                    0, attributes.values(), age);
            agents.identityOfWorker(record.workerSid()).ifPresent(identity -> hub.sendTo(identity, new TaskChanged(task)));
        }
    }

    /** A reservation view from what TaskRouter told us; ping/reconnect flags see {@link RecoveryReservationFlags}. */
    ReservationView view(ReservationRecord record) {
        return view(record.reservationSid(), record.taskSid(), record.workerSid(),
                reservationStatus(record.status()).orElse(ReservationStatus.PENDING), record.channel(), record.workflowSid(),
                record.queueSid() == null ? null : queueNames.get(record.queueSid()), record.taskAttributesJson(),
                record.createdAt() != null ? record.createdAt() : clock.instant());
    }

    ReservationView view(String reservationSid, String taskSid, String workerSid, ReservationStatus status, String channel,
                         String workflowSid, String queueName, String attributesJson, Instant createdAt) {
        TaskAttributes attributes = WireViews.attributes(attributesJson);
        boolean onPingWorkflow = workflowSid != null && workflowSid.equals(pingWorkflowSid);
        RecoveryReservationFlags recovery = RecoveryReservationFlags.of(attributes, workerSid, onPingWorkflow, incidents);
        String number = WireViews.customerNumber(attributes);
        String label = WireViews.customerLabel(attributes);
        return new ReservationView(reservationSid, taskSid, workerSid, status, channelOr(channel, null),
                label != null ? label : number, number, queueName, createdAt, null, recovery.ping(), recovery.reconnect(),
                recovery.incidentId());
    }

    static Optional<ReservationStatus> reservationStatus(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReservationStatus.valueOf(wire.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static Optional<TaskStatus> taskStatus(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TaskStatus.valueOf(wire.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static String channelOr(String channel, String fallback) {
        if (channel != null && !channel.isBlank()) {
            return channel;
        }
        return fallback != null && !fallback.isBlank() ? fallback : "voice";
    }

    /** The event name when the payload carries no {@code reservation_status}; Twilio's {@code wrapup} is "wrapping". */
    private static String statusOf(String what) {
        return switch (what) {
            case "created" -> "pending";
            case "wrapup" -> "wrapping";
            default -> what;
        };
    }
}
