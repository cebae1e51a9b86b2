package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioDates;
import dev.lifeline.sim.taskrouter.StatisticsLedger.Fact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Cumulative statistics as Twilio computes them: counts of events inside the query's window (see
 * {@link StatisticsLedger}), with the field names of twilio-java's {@code *CumulativeStatistics} classes.
 *
 * <p>Wait durations are {@code {avg, min, max, total}} in whole seconds from the task's creation (or its entry into
 * the queue for {@code wait_duration_in_queue_until_accepted}); {@code split_by_wait_time} counts, per threshold, the
 * tasks canceled and reservations accepted with a wait below the threshold ({@code below}) or at or above it
 * ({@code above}). Activity durations: for one worker, over its stints in each activity (clipped to the window);
 * for all workers, over each worker's total time in each activity in the window.
 */
final class CumulativeStatistics {

    private static final List<String> RESERVATION_OUTCOMES =
            List.of("created", "accepted", "rejected", "timed_out", "canceled", "rescinded");

    private final Workspace ws;
    private final StatisticsQuery query;

    CumulativeStatistics(Workspace ws, StatisticsQuery query) {
        this.ws = ws;
        this.query = query;
    }

    Map<String, Object> workspace() {
        return tasks(f -> true, "tasks_created");
    }

    Map<String, Object> workflow(Workflow workflow) {
        return tasks(f -> workflow.sid.equals(f.workflowSid()), "tasks_entered");
    }

    /** The workspace's or a workflow's figures; Twilio names the created-task count differently for each. */
    private Map<String, Object> tasks(Predicate<Fact> scope, String createdField) {
        List<Fact> facts = facts(scope);
        Map<String, Object> json = window();
        putTaskOutcomes(json, facts);
        json.put(createdField, count(facts, "task.created"));
        json.put("tasks_moved", count(facts, "task-queue.moved"));
        json.put("tasks_timed_out_in_workflow", count(facts, "workflow.timeout"));
        return json;
    }

    Map<String, Object> queue(TaskQueue queue) {
        List<Fact> inQueue = facts(f -> queue.sid.equals(f.queueSid()) && !f.is("task-queue.moved"));
        Map<String, Object> json = window();
        putTaskOutcomes(json, inQueue);
        json.put("tasks_entered", count(inQueue, "task-queue.entered"));
        // A move is counted against the queue the task left.
        json.put("tasks_moved", facts(f -> f.is("task-queue.moved") && queue.sid.equals(f.movedFromQueueSid())).size());
        json.put("wait_duration_in_queue_until_accepted", durations(
                of(inQueue, "reservation.accepted"), f -> f.waitInQueueSeconds() == null ? 0 : f.waitInQueueSeconds()));
        return json;
    }

    /** All workers together ({@code /Workers/CumulativeStatistics}). */
    Map<String, Object> workers(Collection<Worker> workers) {
        Map<String, Object> json = window();
        putReservations(json, facts(f -> f.workerSid() != null && f.type().startsWith("reservation.")));
        Map<String, List<Long>> totals = new LinkedHashMap<>();
        ws.activities.keySet().forEach(sid -> totals.put(sid, new ArrayList<>()));
        for (Worker worker : workers) {
            Map<String, Long> perActivity = new LinkedHashMap<>();
            for (Stint stint : stintsOf(worker)) {
                perActivity.merge(stint.activitySid(), stint.seconds(), Long::sum);
            }
            totals.forEach((sid, list) -> list.add(perActivity.getOrDefault(sid, 0L)));
        }
        json.put("activity_durations", activityDurations(totals));
        return json;
    }

    /** One worker ({@code /Workers/{sid}/Statistics}). */
    Map<String, Object> worker(Worker worker) {
        Map<String, Object> json = window();
        putReservations(json, facts(f -> worker.sid.equals(f.workerSid()) && f.type().startsWith("reservation.")));
        Map<String, List<Long>> stints = new LinkedHashMap<>();
        ws.activities.keySet().forEach(sid -> stints.put(sid, new ArrayList<>()));
        stintsOf(worker).forEach(s -> stints.computeIfAbsent(s.activitySid(), k -> new ArrayList<>()).add(s.seconds()));
        json.put("activity_durations", activityDurations(stints));
        return json;
    }

    private Map<String, Object> window() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start_time", TwilioDates.iso(query.start()));
        json.put("end_time", TwilioDates.iso(query.end()));
        return json;
    }

    /** Reservation counts, task outcomes, acceptance and cancellation waits, and the wait-time split. */
    private void putTaskOutcomes(Map<String, Object> json, List<Fact> facts) {
        putReservations(json, facts);
        json.put("tasks_canceled", count(facts, "task.canceled"));
        json.put("tasks_completed", count(facts, "task.completed"));
        json.put("tasks_deleted", count(facts, "task.deleted"));
        List<Fact> accepted = of(facts, "reservation.accepted");
        List<Fact> canceled = of(facts, "task.canceled");
        Map<String, Object> untilAccepted = durations(accepted, Fact::waitSeconds);
        json.put("avg_task_acceptance_time", untilAccepted.get("avg"));
        json.put("wait_duration_until_accepted", untilAccepted);
        json.put("wait_duration_until_canceled", durations(canceled, Fact::waitSeconds));
        json.put("split_by_wait_time", split(accepted, canceled));
    }

    private static void putReservations(Map<String, Object> json, List<Fact> facts) {
        for (String outcome : RESERVATION_OUTCOMES) {
            String event = "reservation." + (outcome.equals("timed_out") ? "timeout" : outcome);
            json.put("reservations_" + outcome, count(facts, event));
        }
    }

    private Map<String, Object> split(List<Fact> accepted, List<Fact> canceled) {
        if (query.splitByWaitTime().isEmpty()) {
            return null;
        }
        Map<String, Object> split = new LinkedHashMap<>();
        for (long threshold : query.splitByWaitTime()) {
            Predicate<Fact> below = f -> f.waitSeconds() < threshold;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("above", splitCounts(accepted, canceled, below.negate()));
            entry.put("below", splitCounts(accepted, canceled, below));
            split.put(Long.toString(threshold), entry);
        }
        return split;
    }

    private static Map<String, Object> splitCounts(List<Fact> accepted, List<Fact> canceled, Predicate<Fact> side) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("tasks_canceled", canceled.stream().filter(side).count());
        counts.put("reservations_accepted", accepted.stream().filter(side).count());
        return counts;
    }

    private List<Map<String, Object>> activityDurations(Map<String, List<Long>> secondsByActivity) {
        List<Map<String, Object>> list = new ArrayList<>();
        secondsByActivity.forEach((activitySid, seconds) -> {
            Activity activity = ws.activities.get(activitySid);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sid", activitySid);
            entry.put("friendly_name", activity == null ? null : activity.friendlyName);
            entry.putAll(summary(seconds));
            list.add(entry);
        });
        return list;
    }

    /** The worker's time in each activity, clipped to the window: the stints its changes ended, and the current one. */
    private List<Stint> stintsOf(Worker worker) {
        List<Stint> stints = new ArrayList<>();
        for (Fact change : ws.ledger.activityChangesOf(worker.sid)) {
            if (change.previousActivitySid() != null && change.inPreviousActivity() != null) {
                clip(change.previousActivitySid(), change.at().minus(change.inPreviousActivity()), change.at(), stints);
            }
        }
        clip(worker.activitySid, worker.dateStatusChanged, query.end(), stints);
        return stints;
    }

    private void clip(String activitySid, Instant from, Instant to, List<Stint> into) {
        Instant start = from.isBefore(query.start()) ? query.start() : from;
        Instant end = to.isAfter(query.end()) ? query.end() : to;
        if (start.isBefore(end)) {
            into.add(new Stint(activitySid, Duration.between(start, end).toSeconds()));
        }
    }

    private List<Fact> facts(Predicate<Fact> scope) {
        return ws.ledger.between(query.start(), query.end(),
                scope.and(f -> f.taskSid() == null || query.counts(ws, f.taskChannelSid())));
    }

    private static List<Fact> of(List<Fact> facts, String type) {
        return facts.stream().filter(f -> f.is(type)).toList();
    }

    private static long count(List<Fact> facts, String type) {
        return facts.stream().filter(f -> f.is(type)).count();
    }

    private static Map<String, Object> durations(List<Fact> facts, ToLongFunction<Fact> seconds) {
        return summary(facts.stream().map(f -> seconds.applyAsLong(f)).toList());
    }

    private static Map<String, Object> summary(List<Long> seconds) {
        long total = seconds.stream().mapToLong(Long::longValue).sum();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("avg", seconds.isEmpty() ? 0 : Math.round((double) total / seconds.size()));
        json.put("min", seconds.stream().mapToLong(Long::longValue).min().orElse(0));
        json.put("max", seconds.stream().mapToLong(Long::longValue).max().orElse(0));
        json.put("total", total);
        return json;
    }

    private record Stint(String activitySid, long seconds) {
    }
}
