package dev.lifeline.sim.taskrouter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What cumulative statistics count: one fact per TaskRouter event, kept as the event happened. Twilio's cumulative
 * statistics are counts of events in a time window ("reservations accepted in the last 15 minutes"), not counts of
 * the resources' current statuses: a reservation that was accepted and then completed still counts as accepted.
 * Read and written only under the world lock.
 */
final class StatisticsLedger {

    /**
     * One event as statistics need it.
     *
     * @param waitSeconds            the task's age when the event happened (creation → this event)
     * @param waitInQueueSeconds     the task's time in its current queue when the event happened, or null
     * @param movedFromQueueSid      for {@code task-queue.moved}: the queue the task left
     * @param previousActivitySid    for {@code worker.activity.update}: the activity the worker left
     * @param inPreviousActivity     for {@code worker.activity.update}: how long the worker was in it
     */
    record Fact(String type, Instant at, String taskSid, String taskChannelSid, String workflowSid, String queueSid,
                String workerSid, Long waitSeconds, Long waitInQueueSeconds, String movedFromQueueSid,
                String previousActivitySid, Duration inPreviousActivity) {

        boolean is(String eventType) {
            return type.equals(eventType);
        }
    }

    private final List<Fact> facts = new ArrayList<>();

    void record(String type, Instant now, Task task, Worker worker, Reservation reservation, Map<String, Object> extra) {
        String workerSid = worker != null ? worker.sid : reservation != null ? reservation.workerSid : null;
        Long wait = task == null ? null : Duration.between(task.created, now).toSeconds();
        Long waitInQueue = task == null || task.queueEnteredAt == null ? null
                : Duration.between(task.queueEnteredAt, now).toSeconds();
        Object movedFrom = extra.get("task_queue_moved_from_sid");
        Object previousActivity = extra.get("worker_previous_activity_sid");
        Object inPreviousMs = extra.get("worker_time_in_previous_activity_ms");
        facts.add(new Fact(type, now, task == null ? null : task.sid, task == null ? null : task.taskChannelSid,
                task == null ? null : task.workflowSid, task == null ? null : task.queueSid, workerSid, wait, waitInQueue,
                movedFrom instanceof String s ? s : null, previousActivity instanceof String s ? s : null,
                inPreviousMs instanceof Number ms ? Duration.ofMillis(ms.longValue()) : null));
    }

    /** The facts from {@code start} (inclusive) to {@code end} (inclusive) that pass {@code filter}, oldest first. */
    List<Fact> between(Instant start, Instant end, Predicate<Fact> filter) {
        return facts.stream()
                .filter(f -> !f.at().isBefore(start) && !f.at().isAfter(end))
                .filter(filter)
                .toList();
    }

    /** Every activity change of the worker, oldest first (the stints it ended), regardless of any window. */
    List<Fact> activityChangesOf(String workerSid) {
        return facts.stream()
                .filter(f -> f.is("worker.activity.update") && workerSid.equals(f.workerSid()))
                .toList();
    }
}
