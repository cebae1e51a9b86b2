package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.core.TwilioDates.iso;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resources as TaskRouter's JSON: snake_case, ISO 8601 dates, {@code attributes} as a JSON string, real URLs. */
final class TaskRouterJson {

    static final String BASE = "https://taskrouter.twilio.com/v1";

    private final String accountSid;

    TaskRouterJson(String accountSid) {
        this.accountSid = accountSid;
    }

    Map<String, Object> workspace(Workspace ws) {
        Map<String, Object> json = base(ws.sid, ws.created, ws.updated);
        Activity defaultActivity = ws.activities.get(ws.defaultActivitySid);
        Activity timeoutActivity = ws.activities.get(ws.timeoutActivitySid);
        json.put("friendly_name", ws.friendlyName);
        json.put("event_callback_url", ws.eventCallbackUrl);
        json.put("events_filter", ws.eventsFilter == null ? null : String.join(",", ws.eventsFilter));
        json.put("default_activity_sid", ws.defaultActivitySid);
        json.put("default_activity_name", defaultActivity == null ? null : defaultActivity.friendlyName);
        json.put("timeout_activity_sid", ws.timeoutActivitySid);
        json.put("timeout_activity_name", timeoutActivity == null ? null : timeoutActivity.friendlyName);
        json.put("multi_task_enabled", ws.multiTaskEnabled);
        json.put("prioritize_queue_order", ws.prioritizeQueueOrder);
        json.put("url", ws.url());
        json.put("links", links(ws, ws.url(), "activities", "Activities", "workers", "Workers", "task_queues", "TaskQueues",
                "workflows", "Workflows", "tasks", "Tasks", "task_channels", "TaskChannels", "statistics", "Statistics",
                "real_time_statistics", "RealTimeStatistics"));
        return json;
    }

    Map<String, Object> activity(Workspace ws, Activity activity) {
        Map<String, Object> json = inWorkspace(ws, activity.sid, activity.created, activity.updated);
        json.put("friendly_name", activity.friendlyName);
        json.put("available", activity.available);
        json.put("url", ws.url() + "/Activities/" + activity.sid);
        json.put("links", Map.of("workspace", ws.url()));
        return json;
    }

    Map<String, Object> channel(Workspace ws, TaskChannel channel) {
        Map<String, Object> json = inWorkspace(ws, channel.sid, channel.created, channel.updated);
        json.put("friendly_name", channel.friendlyName);
        json.put("unique_name", channel.uniqueName);
        json.put("channel_optimized_routing", false);
        json.put("url", ws.url() + "/TaskChannels/" + channel.sid);
        json.put("links", Map.of("workspace", ws.url()));
        return json;
    }

    Map<String, Object> worker(Workspace ws, Worker worker) {
        Map<String, Object> json = inWorkspace(ws, worker.sid, worker.created, worker.updated);
        Activity activity = ws.activities.get(worker.activitySid);
        String url = ws.url() + "/Workers/" + worker.sid;
        json.put("friendly_name", worker.friendlyName);
        json.put("attributes", worker.attributesJson);
        json.put("activity_sid", worker.activitySid);
        json.put("activity_name", activity == null ? null : activity.friendlyName);
        json.put("available", activity != null && activity.available);
        json.put("date_status_changed", iso(worker.dateStatusChanged));
        json.put("url", url);
        json.put("links", links(ws, url, "channels", "Channels", "reservations", "Reservations",
                "worker_statistics", "Statistics", "workspace", null));
        return json;
    }

    Map<String, Object> workerChannel(Workspace ws, Worker worker, WorkerChannel channel, long consumed) {
        Map<String, Object> json = inWorkspace(ws, channel.sid, channel.created, channel.updated);
        TaskChannel taskChannel = ws.channels.get(channel.taskChannelSid);
        json.put("worker_sid", worker.sid);
        json.put("task_channel_sid", channel.taskChannelSid);
        json.put("task_channel_unique_name", taskChannel == null ? null : taskChannel.uniqueName);
        json.put("configured_capacity", channel.capacity);
        json.put("assigned_tasks", consumed);
        json.put("available", channel.available);
        json.put("available_capacity_percentage", channel.capacity == 0 ? 0
                : (int) Math.max(0, 100 * (channel.capacity - consumed) / channel.capacity));
        json.put("url", ws.url() + "/Workers/" + worker.sid + "/Channels/" + channel.sid);
        return json;
    }

    Map<String, Object> queue(Workspace ws, TaskQueue queue) {
        Map<String, Object> json = inWorkspace(ws, queue.sid, queue.created, queue.updated);
        String url = ws.url() + "/TaskQueues/" + queue.sid;
        Activity reservationActivity = ws.activities.get(queue.reservationActivitySid);
        Activity assignmentActivity = ws.activities.get(queue.assignmentActivitySid);
        json.put("friendly_name", queue.friendlyName);
        json.put("target_workers", queue.targetWorkers.text());
        json.put("max_reserved_workers", queue.maxReservedWorkers);
        json.put("task_order", queue.taskOrder);
        json.put("reservation_activity_sid", queue.reservationActivitySid);
        json.put("reservation_activity_name", reservationActivity == null ? null : reservationActivity.friendlyName);
        json.put("assignment_activity_sid", queue.assignmentActivitySid);
        json.put("assignment_activity_name", assignmentActivity == null ? null : assignmentActivity.friendlyName);
        json.put("url", url);
        json.put("links", links(ws, url, "statistics", "Statistics", "real_time_statistics", "RealTimeStatistics",
                "workspace", null));
        return json;
    }

    Map<String, Object> workflow(Workspace ws, Workflow workflow) {
        Map<String, Object> json = inWorkspace(ws, workflow.sid, workflow.created, workflow.updated);
        String url = ws.url() + "/Workflows/" + workflow.sid;
        json.put("friendly_name", workflow.friendlyName);
        json.put("configuration", workflow.configurationJson);
        json.put("document_content_type", "application/json");
        json.put("assignment_callback_url", workflow.assignmentCallbackUrl);
        json.put("fallback_assignment_callback_url", workflow.fallbackAssignmentCallbackUrl);
        json.put("task_reservation_timeout", workflow.taskReservationTimeout);
        json.put("url", url);
        json.put("links", links(ws, url, "statistics", "Statistics", "workspace", null));
        return json;
    }

    Map<String, Object> task(Workspace ws, Task task, Instant now) {
        Map<String, Object> json = inWorkspace(ws, task.sid, task.created, task.updated);
        String url = ws.url() + "/Tasks/" + task.sid;
        TaskQueue queue = task.queueSid == null ? null : ws.queues.get(task.queueSid);
        Workflow workflow = ws.workflows.get(task.workflowSid);
        TaskChannel channel = ws.channels.get(task.taskChannelSid);
        json.put("age", Duration.between(task.created, now).toSeconds());
        json.put("assignment_status", task.status.wire());
        json.put("attributes", task.attributesJson);
        json.put("addons", "{}");
        json.put("priority", task.priority);
        json.put("reason", task.reason);
        json.put("task_queue_sid", task.queueSid);
        json.put("task_queue_friendly_name", queue == null ? null : queue.friendlyName);
        json.put("task_queue_entered_date", iso(task.queueEnteredAt));
        json.put("task_channel_sid", task.taskChannelSid);
        json.put("task_channel_unique_name", channel == null ? null : channel.uniqueName);
        json.put("timeout", task.timeout);
        json.put("workflow_sid", task.workflowSid);
        json.put("workflow_friendly_name", workflow == null ? null : workflow.friendlyName);
        json.put("ignore_capacity", false);
        json.put("virtual_start_time", iso(task.created));
        json.put("routing_target", null);
        json.put("url", url);
        json.put("links", links(ws, url, "reservations", "Reservations", "workspace", null));
        return json;
    }

    Map<String, Object> reservation(Workspace ws, Reservation reservation, boolean viaWorker) {
        Map<String, Object> json = inWorkspace(ws, reservation.sid, reservation.created, reservation.updated);
        Worker worker = ws.workers.get(reservation.workerSid);
        String url = viaWorker
                ? ws.url() + "/Workers/" + reservation.workerSid + "/Reservations/" + reservation.sid
                : ws.url() + "/Tasks/" + reservation.taskSid + "/Reservations/" + reservation.sid;
        json.put("reservation_status", reservation.status.wire());
        json.put("task_sid", reservation.taskSid);
        json.put("worker_sid", reservation.workerSid);
        json.put("worker_name", worker == null ? null : worker.friendlyName);
        json.put("url", url);
        json.put("links", Map.of(
                "task", ws.url() + "/Tasks/" + reservation.taskSid,
                "worker", ws.url() + "/Workers/" + reservation.workerSid,
                "workspace", ws.url()));
        return json;
    }

    private Map<String, Object> base(String sid, Instant created, Instant updated) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("sid", sid);
        json.put("date_created", iso(created));
        json.put("date_updated", iso(updated));
        return json;
    }

    private Map<String, Object> inWorkspace(Workspace ws, String sid, Instant created, Instant updated) {
        Map<String, Object> json = base(sid, created, updated);
        json.put("workspace_sid", ws.sid);
        return json;
    }

    /** Pairs of link name and sub-path; a null sub-path links the workspace itself. */
    private static Map<String, String> links(Workspace ws, String url, String... pairs) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            links.put(pairs[i], pairs[i + 1] == null ? ws.url() : url + "/" + pairs[i + 1]);
        }
        return links;
    }
}
