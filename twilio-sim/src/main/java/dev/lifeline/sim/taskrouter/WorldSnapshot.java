package dev.lifeline.sim.taskrouter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A compact, readable picture of one workspace for {@code /sim/world}. */
final class WorldSnapshot {

    private WorldSnapshot() {
    }

    static Map<String, Object> of(Workspace ws, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sid", ws.sid);
        view.put("friendly_name", ws.friendlyName);
        view.put("workers", ws.workers.values().stream().map(w -> worker(ws, w)).toList());
        view.put("tasks", ws.tasks.values().stream().map(t -> task(ws, t, now)).toList());
        view.put("reservations", ws.reservations.values().stream().map(WorldSnapshot::reservation).toList());
        return view;
    }

    private static Map<String, Object> worker(Workspace ws, Worker worker) {
        Map<String, Object> view = new LinkedHashMap<>();
        Activity activity = ws.activities.get(worker.activitySid);
        view.put("sid", worker.sid);
        view.put("friendly_name", worker.friendlyName);
        view.put("activity", activity == null ? null : activity.friendlyName);
        view.put("available", ws.isAvailable(worker));
        view.put("attributes", worker.attributes);
        Map<String, Object> capacity = new LinkedHashMap<>();
        for (TaskChannel channel : ws.channels.values()) {
            WorkerChannel workerChannel = RoutingEngine.channelOf(ws, worker, channel.sid);
            capacity.put(channel.uniqueName, Map.of(
                    "capacity", workerChannel.capacity,
                    "used", RoutingEngine.consumed(ws, worker, channel.sid)));
        }
        view.put("channels", capacity);
        return view;
    }

    private static Map<String, Object> task(Workspace ws, Task task, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        TaskQueue queue = task.queueSid == null ? null : ws.queues.get(task.queueSid);
        view.put("sid", task.sid);
        view.put("status", task.status.wire());
        view.put("priority", task.priority);
        view.put("attributes", task.attributes);
        view.put("queue", queue == null ? null : queue.friendlyName);
        view.put("queue_sid", task.queueSid);
        view.put("workflow_sid", task.workflowSid);
        view.put("age_seconds", Duration.between(task.created, now).toSeconds());
        view.put("reason", task.reason);
        return view;
    }

    private static Map<String, Object> reservation(Reservation reservation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sid", reservation.sid);
        view.put("task_sid", reservation.taskSid);
        view.put("worker_sid", reservation.workerSid);
        view.put("status", reservation.status.wire());
        view.put("worker_call_sid", reservation.workerCallSid);
        return view;
    }
}
