package dev.lifeline.sim.taskrouter;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real-time statistics of a workspace and of a queue ({@code /RealTimeStatistics}), and the {@code /Statistics}
 * resources whose {@code realtime} part is the same and whose {@code cumulative} part is counted from the
 * tasks and reservations the emulator still holds.
 */
final class StatisticsRoutes {

    private static final String WS = "/v1/Workspaces/{ws}";

    private final TaskRouterWorld world;

    StatisticsRoutes(TaskRouterWorld world) {
        this.world = world;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(WS + "/RealTimeStatistics", ctx -> Respond.json(ctx, world, 200,
                () -> workspaceRealTime(world.workspace(ctx.pathParam("ws")))));
        routes.get(WS + "/Statistics", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = world.workspace(ctx.pathParam("ws"));
            Map<String, Object> json = header(ws, ws.url() + "/Statistics");
            json.put("realtime", workspaceRealTime(ws));
            json.put("cumulative", cumulative(ws.tasks.values(), ws.reservations.values()));
            return json;
        }));
        routes.get(WS + "/TaskQueues/{sid}/RealTimeStatistics", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = world.workspace(ctx.pathParam("ws"));
            return queueRealTime(ws, ws.queue(ctx.pathParam("sid")));
        }));
        routes.get(WS + "/TaskQueues/{sid}/Statistics", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = world.workspace(ctx.pathParam("ws"));
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            Map<String, Object> json = header(ws, ws.url() + "/TaskQueues/" + queue.sid + "/Statistics");
            json.put("task_queue_sid", queue.sid);
            json.put("realtime", queueRealTime(ws, queue));
            List<Task> tasks = ws.tasks.values().stream().filter(t -> queue.sid.equals(t.queueSid)).toList();
            json.put("cumulative", cumulative(tasks, ws.reservations.values().stream()
                    .filter(r -> tasks.stream().anyMatch(t -> t.sid.equals(r.taskSid))).toList()));
            return json;
        }));
    }

    private Map<String, Object> workspaceRealTime(Workspace ws) {
        Map<String, Object> json = header(ws, ws.url() + "/RealTimeStatistics");
        json.put("activity_statistics", activityStatistics(ws, ws.workers.values()));
        putTaskFigures(json, ws.tasks.values());
        json.put("total_workers", ws.workers.size());
        return json;
    }

    private Map<String, Object> queueRealTime(Workspace ws, TaskQueue queue) {
        Map<String, Object> json = header(ws, ws.url() + "/TaskQueues/" + queue.sid + "/RealTimeStatistics");
        json.put("task_queue_sid", queue.sid);
        List<Worker> eligible = ws.workers.values().stream()
                .filter(w -> ws.isEligibleFor(queue, w)).toList();
        List<Task> tasks = ws.tasks.values().stream().filter(t -> queue.sid.equals(t.queueSid)).toList();
        json.put("activity_statistics", activityStatistics(ws, eligible));
        putTaskFigures(json, tasks);
        Task longestInQueue = waiting(tasks).min(Comparator.comparing((Task t) -> t.queueEnteredAt)).orElse(null);
        json.put("longest_relative_task_age_in_queue", longestInQueue == null ? 0 : age(longestInQueue.queueEnteredAt));
        json.put("longest_relative_task_sid_in_queue", longestInQueue == null ? null : longestInQueue.sid);
        json.put("total_eligible_workers", eligible.size());
        json.put("total_available_workers", eligible.stream().filter(ws::isAvailable).count());
        return json;
    }

    private void putTaskFigures(Map<String, Object> json, Collection<Task> tasks) {
        Map<String, Object> byStatus = new LinkedHashMap<>();
        for (TaskStatus status : List.of(TaskStatus.PENDING, TaskStatus.RESERVED, TaskStatus.ASSIGNED, TaskStatus.WRAPPING)) {
            byStatus.put(status.wire(), tasks.stream().filter(t -> t.status == status).count());
        }
        Map<String, Object> byPriority = new TreeMap<>();
        tasks.stream().filter(t -> !t.status.isFinal())
                .forEach(t -> byPriority.merge(Integer.toString(t.priority), 1L, (a, b) -> (Long) a + (Long) b));
        Task longest = waiting(tasks).min(Comparator.comparing((Task t) -> t.created)).orElse(null);
        json.put("longest_task_waiting_age", longest == null ? 0 : age(longest.created));
        json.put("longest_task_waiting_sid", longest == null ? null : longest.sid);
        json.put("tasks_by_priority", byPriority);
        json.put("tasks_by_status", byStatus);
        json.put("total_tasks", tasks.stream().filter(t -> !t.status.isFinal()).count());
    }

    private static List<Map<String, Object>> activityStatistics(Workspace ws, Collection<Worker> workers) {
        List<Map<String, Object>> statistics = new ArrayList<>();
        for (Activity activity : ws.activities.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sid", activity.sid);
            entry.put("friendly_name", activity.friendlyName);
            entry.put("workers", workers.stream().filter(w -> w.activitySid.equals(activity.sid)).count());
            statistics.add(entry);
        }
        return statistics;
    }

    private static Map<String, Object> cumulative(Collection<Task> tasks, Collection<Reservation> reservations) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tasks_created", tasks.size());
        json.put("tasks_canceled", tasks.stream().filter(t -> t.status == TaskStatus.CANCELED).count());
        json.put("tasks_completed", tasks.stream().filter(t -> t.status == TaskStatus.COMPLETED).count());
        json.put("reservations_created", reservations.size());
        for (ReservationStatus status : ReservationStatus.values()) {
            if (status != ReservationStatus.PENDING) {
                json.put("reservations_" + status.wire(), reservations.stream().filter(r -> r.status == status).count());
            }
        }
        return json;
    }

    private Map<String, Object> header(Workspace ws, String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", world.context.accountSid);
        json.put("workspace_sid", ws.sid);
        json.put("url", url);
        return json;
    }

    private static java.util.stream.Stream<Task> waiting(Collection<Task> tasks) {
        return tasks.stream().filter(t -> t.status.isWaiting());
    }

    private long age(Instant since) {
        return since == null ? 0 : Duration.between(since, world.now()).toSeconds();
    }
}
