package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A TaskRouter workspace and everything in it. Read and changed only under the world lock. */
final class Workspace {
    final String sid;
    String friendlyName;
    String eventCallbackUrl;
    /** Event types the classic callback sends; null = all (Twilio's {@code EventsFilter}). */
    Set<String> eventsFilter;
    String defaultActivitySid;
    String timeoutActivitySid;
    boolean multiTaskEnabled = true;
    String prioritizeQueueOrder = "FIFO";
    final Instant created;
    Instant updated;
    private long arrivals;

    final Map<String, Activity> activities = new LinkedHashMap<>();
    final Map<String, TaskChannel> channels = new LinkedHashMap<>();
    final Map<String, Worker> workers = new LinkedHashMap<>();
    final Map<String, TaskQueue> queues = new LinkedHashMap<>();
    final Map<String, Workflow> workflows = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final Map<String, Reservation> reservations = new LinkedHashMap<>();
    /** Every event raised in this workspace, for cumulative statistics. */
    final StatisticsLedger ledger = new StatisticsLedger();

    Workspace(String sid, String friendlyName, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.created = now;
        this.updated = now;
    }

    long nextArrival() {
        return ++arrivals;
    }

    String url() {
        return TaskRouterJson.BASE + "/Workspaces/" + sid;
    }

    Activity activity(String activitySid) {
        return require(activities, activitySid, "Activity");
    }

    Worker worker(String workerSid) {
        return require(workers, workerSid, "Worker");
    }

    TaskQueue queue(String queueSid) {
        return require(queues, queueSid, "TaskQueue");
    }

    Workflow workflow(String workflowSid) {
        return require(workflows, workflowSid, "Workflow");
    }

    Task task(String taskSid) {
        return require(tasks, taskSid, "Task");
    }

    Reservation reservation(String reservationSid) {
        return require(reservations, reservationSid, "Reservation");
    }

    /** A channel by SID or unique name ({@code voice}), as Twilio accepts both for {@code TaskChannel}. */
    TaskChannel channel(String sidOrName) {
        TaskChannel byName = channels.values().stream()
                .filter(c -> c.uniqueName.equals(sidOrName)).findFirst().orElse(null);
        return byName != null ? byName : require(channels, sidOrName, "TaskChannel");
    }

    TaskChannel channelNamed(String uniqueName) {
        return channels.values().stream().filter(c -> c.uniqueName.equals(uniqueName)).findFirst().orElseThrow();
    }

    /** The worker as worker expressions see it (see {@link Worker#routingDocument}). */
    Map<String, Object> routingDocument(Worker worker) {
        return worker.routingDocument(activities.get(worker.activitySid));
    }

    /** Whether the queue's {@code target_workers} expression takes this worker. */
    boolean isEligibleFor(TaskQueue queue, Worker worker) {
        Map<String, Object> document = routingDocument(worker);
        return queue.targetWorkers.matches(document, Map.of(), document);
    }

    boolean isAvailable(Worker worker) {
        Activity activity = activities.get(worker.activitySid);
        return activity != null && activity.available;
    }

    private static <T> T require(Map<String, T> map, String sid, String what) {
        T found = sid == null ? null : map.get(sid);
        if (found == null) {
            throw TwilioApiException.notFound(what, sid);
        }
        return found;
    }
}
