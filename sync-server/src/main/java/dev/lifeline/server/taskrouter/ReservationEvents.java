package dev.lifeline.server.taskrouter;

import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.TaskChanged;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns TaskRouter's events into what the agents' desktops hear: {@code reservation.created} → an offer to that
 * worker, {@code canceled/rescinded/timeout} → the offer is gone, other reservation moves → changed, task events →
 * {@code task-changed} to every worker holding a reservation on the task. Keeps {@link Reservations} up to date on
 * the way.
 */
public final class ReservationEvents {

    /** A desktop event for the agent who is this TaskRouter worker. */
    public record ForWorker(String workerSid, ServerEvent event) {
    }

    private final Reservations reservations;
    private final ReservationViews views;
    private final Clock clock;

    public ReservationEvents(Reservations reservations, ReservationViews views, Clock clock) {
        this.reservations = reservations;
        this.views = views;
        this.clock = clock;
    }

    /**
     * @param isAgent whether the worker is one of our desktop users: a reservation of anybody else is remembered but
     *                told to nobody
     */
    public List<ForWorker> handle(TaskRouterEvent event, Predicate<String> isAgent) {
        String type = event.eventType() == null ? "" : event.eventType();
        if (type.startsWith("reservation.") && event.reservationSid() != null && event.workerSid() != null) {
            return reservationEvent(type.substring("reservation.".length()), event, isAgent);
        } else if (type.startsWith("task.") && event.taskSid() != null) {
            return taskEvent(event);
        }
        return List.of();
    }

    private List<ForWorker> reservationEvent(String what, TaskRouterEvent event, Predicate<String> isAgent) {
        String status = event.reservationStatus() != null ? event.reservationStatus() : statusOf(what);
        ReservationRecord record = reservations.get(event.reservationSid())
                .map(known -> known.withStatus(status, event.taskAttributes()))
                .orElseGet(() -> new ReservationRecord(event.reservationSid(), event.taskSid(), event.workerSid(), status,
                        event.taskChannel(), event.workflowSid(), event.taskQueueSid(), event.taskAttributes(), clock.instant()));
        reservations.remember(record);
        if (!isAgent.test(event.workerSid())) {
            return List.of();
        }
        Optional<ReservationStatus> wire = ReservationViews.reservationStatus(status);
        if (wire.isEmpty()) {
            return List.of();
        }
        ServerEvent desktopEvent = switch (what) {
            case "created" -> new ReservationOffered(views.view(record));
            case "canceled", "rescinded", "timeout" -> new ReservationRescinded(record.reservationSid(), wire.get());
            default -> new ReservationChanged(views.view(record));
        };
        return List.of(new ForWorker(event.workerSid(), desktopEvent));
    }

    private List<ForWorker> taskEvent(TaskRouterEvent event) {
        Optional<TaskStatus> status = ReservationViews.taskStatus(event.taskAssignmentStatus());
        if (status.isEmpty()) {
            return List.of();
        }
        List<ForWorker> events = new ArrayList<>();
        for (ReservationRecord record : reservations.ofTask(event.taskSid())) {
            if (event.taskAttributes() != null) {
                reservations.remember(record.withStatus(record.status(), event.taskAttributes()));
            }
            TaskAttributes attributes = TaskAttributesJson.read(
                    event.taskAttributes() != null ? event.taskAttributes() : record.taskAttributesJson());
            long age = record.createdAt() == null ? 0 : Math.max(0, Duration.between(record.createdAt(), clock.instant()).toSeconds());
            TaskView task = new TaskView(event.taskSid(), status.get(), ReservationViews.channelOr(event.taskChannel(),
                    record.channel()), 0, attributes.values(), age);
            events.add(new ForWorker(record.workerSid(), new TaskChanged(task)));
        }
        return events;
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
