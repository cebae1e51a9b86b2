package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.events.CloudEvent;
import dev.lifeline.sim.events.EventStreams;
import dev.lifeline.sim.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raises TaskRouter events. Events are collected while a state change runs and {@link #flush() flushed} when
 * it ends, so Event Streams can batch "all events raised by one state change" into one POST per sink. Each
 * event also goes, form-encoded and one per POST, to the workspace's classic {@code EventCallbackUrl}.
 */
final class TaskRouterEvents {

    static final String TYPE_PREFIX = "com.twilio.taskrouter.";
    private static final String SCHEMA = "https://events-schemas.twilio.com/TaskRouter.WDSEvent";

    private final SimContext context;
    private final EventStreams streams;
    private final List<CloudEvent> pending = new ArrayList<>();
    private final List<Webhook> classic = new ArrayList<>();

    TaskRouterEvents(SimContext context, EventStreams streams) {
        this.context = context;
        this.streams = streams;
    }

    void task(Workspace ws, String type, Task task) {
        raise(ws, type, "task", task.sid, task, null, null, Map.of());
    }

    void reservation(Workspace ws, String type, Reservation reservation) {
        raise(ws, type, "reservation", reservation.sid, ws.tasks.get(reservation.taskSid),
                ws.workers.get(reservation.workerSid), reservation, Map.of());
    }

    void worker(Workspace ws, String type, Worker worker, Map<String, Object> extra) {
        raise(ws, type, "worker", worker.sid, null, worker, null, extra);
    }

    void queue(Workspace ws, String type, Task task, Map<String, Object> extra) {
        raise(ws, type, "taskqueue", task.queueSid, task, null, null, extra);
    }

    void workflow(Workspace ws, String type, Task task, Map<String, Object> extra) {
        raise(ws, type, "workflow", task.workflowSid, task, null, null, extra);
    }

    /** Sends everything raised since the last flush. Called at the end of each state change, lock held. */
    void flush() {
        if (pending.isEmpty() && classic.isEmpty()) {
            return;
        }
        Map<String, List<CloudEvent>> byKey = new LinkedHashMap<>();
        pending.forEach(e -> byKey.computeIfAbsent(e.orderingKey(), k -> new ArrayList<>()).add(e));
        pending.clear();
        byKey.values().forEach(streams::publish);
        classic.forEach(context.webhooks::send);
        classic.clear();
    }

    private void raise(Workspace ws, String type, String resourceType, String resourceSid, Task task, Worker worker,
                       Reservation reservation, Map<String, Object> extra) {
        Instant now = context.clock.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        String sid = Sids.next("EV");
        payload.put("sid", sid);
        payload.put("eventtype", type);
        payload.put("timestamp", now.toEpochMilli());
        payload.put("account_sid", context.accountSid);
        payload.put("workspace_sid", ws.sid);
        payload.put("workspace_name", ws.friendlyName);
        payload.put("resource_type", resourceType);
        payload.put("resource_sid", resourceSid);
        payload.put("event_description", describe(type, resourceType, resourceSid));
        if (task != null) {
            putTask(ws, payload, task, now);
        }
        if (worker != null) {
            putWorker(ws, payload, worker, task);
        }
        if (reservation != null) {
            payload.put("reservation_sid", reservation.sid);
            payload.put("reservation_status", reservation.status.wire());
            payload.put("reservation_version", reservation.version);
            Workflow workflow = task == null ? null : ws.workflows.get(task.workflowSid);
            payload.put("reservation_timeout", workflow == null ? null : workflow.taskReservationTimeout);
        }
        payload.putAll(extra);
        ws.ledger.record(type, now, task, worker, reservation, extra);
        String orderingKey = task != null ? task.sid : worker != null ? worker.sid : resourceSid;
        String source = "/v1/Workspaces/" + ws.sid + sourcePath(resourceType, resourceSid, reservation);
        pending.add(new CloudEvent(sid, TYPE_PREFIX + type, source, SCHEMA, now, payload, orderingKey));
        if (ws.eventCallbackUrl != null && (ws.eventsFilter == null || ws.eventsFilter.contains(type))) {
            classic.add(Webhook.form(ws.eventCallbackUrl, classicForm(payload, now), orderingKey));
        }
    }

    private void putTask(Workspace ws, Map<String, Object> payload, Task task, Instant now) {
        payload.put("task_sid", task.sid);
        payload.put("task_attributes", task.attributesJson);
        payload.put("task_age", Duration.between(task.created, now).toSeconds());
        payload.put("task_age_in_queue", task.queueEnteredAt == null ? null
                : Duration.between(task.queueEnteredAt, now).toSeconds());
        payload.put("task_date_created", task.created.getEpochSecond());
        payload.put("task_priority", task.priority);
        payload.put("task_assignment_status", task.status.wire());
        payload.put("task_canceled_reason", task.status == TaskStatus.CANCELED ? task.reason : null);
        payload.put("task_completed_reason", task.status == TaskStatus.COMPLETED ? task.reason : null);
        payload.put("reason", task.reason);
        payload.put("task_timeout", task.timeout);
        payload.put("task_version", task.version);
        TaskChannel channel = ws.channels.get(task.taskChannelSid);
        payload.put("task_channel_sid", task.taskChannelSid);
        payload.put("task_channel_unique_name", channel == null ? null : channel.uniqueName);
        TaskQueue queue = task.queueSid == null ? null : ws.queues.get(task.queueSid);
        payload.put("task_queue_sid", task.queueSid);
        payload.put("task_queue_name", queue == null ? null : queue.friendlyName);
        payload.put("task_queue_entered_date", task.queueEnteredAt == null ? null : task.queueEnteredAt.getEpochSecond());
        payload.put("task_queue_target_expression", queue == null ? null : queue.targetWorkers.text());
        Workflow workflow = ws.workflows.get(task.workflowSid);
        payload.put("workflow_sid", task.workflowSid);
        payload.put("workflow_name", workflow == null ? null : workflow.friendlyName);
    }

    private static void putWorker(Workspace ws, Map<String, Object> payload, Worker worker, Task task) {
        Activity activity = ws.activities.get(worker.activitySid);
        payload.put("worker_sid", worker.sid);
        payload.put("worker_name", worker.friendlyName);
        payload.put("worker_attributes", worker.attributesJson);
        payload.put("worker_activity_sid", worker.activitySid);
        payload.put("worker_activity_name", activity == null ? null : activity.friendlyName);
        payload.put("worker_available", activity != null && activity.available);
        payload.put("worker_version", worker.version);
        if (task != null) {
            WorkerChannel channel = worker.channels.get(task.taskChannelSid);
            payload.put("worker_channel_capacity", channel == null ? null : channel.capacity);
            payload.put("worker_channel_consumed_capacity", ws.reservations.values().stream()
                    .filter(r -> r.workerSid.equals(worker.sid) && r.taskChannelSid.equals(task.taskChannelSid)
                            && r.status.consumesCapacity())
                    .count());
        }
    }

    private static String sourcePath(String resourceType, String resourceSid, Reservation reservation) {
        return switch (resourceType) {
            case "task" -> "/Tasks/" + resourceSid;
            case "reservation" -> "/Tasks/" + reservation.taskSid + "/Reservations/" + resourceSid;
            case "worker" -> "/Workers/" + resourceSid;
            case "taskqueue" -> "/TaskQueues/" + resourceSid;
            case "workflow" -> "/Workflows/" + resourceSid;
            default -> "";
        };
    }

    private static String describe(String type, String resourceType, String resourceSid) {
        return resourceType.substring(0, 1).toUpperCase(Locale.ROOT) + resourceType.substring(1) + " "
                + resourceSid + ": " + type;
    }

    /** The classic callback's CamelCase form: {@code task_sid} → {@code TaskSid}; {@code Timestamp} in epoch seconds. */
    private static Map<String, String> classicForm(Map<String, Object> payload, Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String key = switch (name) {
                case "eventtype" -> "EventType";
                case "timestamp" -> "TimestampMs";
                default -> camel(name);
            };
            form.put(key, value.toString());
        });
        form.put("Timestamp", Long.toString(now.getEpochSecond()));
        return form;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
