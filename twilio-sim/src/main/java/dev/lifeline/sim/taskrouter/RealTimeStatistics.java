package dev.lifeline.sim.taskrouter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real-time statistics: what is true right now (tasks by status and priority, workers by activity, the longest
 * wait), with the field names of twilio-java's {@code *RealTimeStatistics} classes.
 */
final class RealTimeStatistics {

    private final Workspace ws;
    private final Instant now;

    RealTimeStatistics(Workspace ws, Instant now) {
        this.ws = ws;
        this.now = now;
    }

    Map<String, Object> workspace() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activity_statistics", activityStatistics(ws.workers.values()));
        putTaskFigures(json, ws.tasks.values());
        json.put("total_workers", ws.workers.size());
        return json;
    }

    Map<String, Object> workflow(Workflow workflow) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workflow_sid", workflow.sid);
        putTaskFigures(json, ws.tasks.values().stream().filter(t -> workflow.sid.equals(t.workflowSid)).toList());
        return json;
    }

    Map<String, Object> queue(TaskQueue queue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_queue_sid", queue.sid);
        List<Worker> eligible = ws.workers.values().stream().filter(w -> ws.isEligibleFor(queue, w)).toList();
        List<Task> tasks = ws.tasks.values().stream().filter(t -> queue.sid.equals(t.queueSid)).toList();
        json.put("activity_statistics", activityStatistics(eligible));
        putTaskFigures(json, tasks);
        Task longestInQueue = waiting(tasks).min(Comparator.comparing((Task t) -> t.queueEnteredAt)).orElse(null);
        json.put("longest_relative_task_age_in_queue", longestInQueue == null ? 0 : age(longestInQueue.queueEnteredAt));
        json.put("longest_relative_task_sid_in_queue", longestInQueue == null ? null : longestInQueue.sid);
        json.put("total_eligible_workers", eligible.size());
        json.put("total_available_workers", eligible.stream().filter(ws::isAvailable).count());
        return json;
    }

    Map<String, Object> workers(Collection<Worker> workers) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activity_statistics", activityStatistics(workers));
        json.put("total_workers", workers.size());
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

    private List<Map<String, Object>> activityStatistics(Collection<Worker> workers) {
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

    private static Stream<Task> waiting(Collection<Task> tasks) {
        return tasks.stream().filter(t -> t.status.isWaiting());
    }

    private long age(Instant since) {
        return since == null ? 0 : Duration.between(since, now).toSeconds();
    }
}
