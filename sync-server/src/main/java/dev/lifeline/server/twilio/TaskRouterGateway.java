package dev.lifeline.server.twilio;

import static dev.lifeline.server.twilio.TwilioHttp.JSON;
import static dev.lifeline.server.twilio.TwilioHttp.call;
import static dev.lifeline.server.twilio.TwilioHttp.header;
import static dev.lifeline.server.twilio.TwilioHttp.instant;
import static dev.lifeline.server.twilio.TwilioHttp.json;
import static dev.lifeline.server.twilio.TwilioHttp.parseJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.http.HttpMethod;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every TaskRouter call the server makes, in one workspace: tasks, reservations, workers and queues. Each method is
 * safe to repeat: an operation whose target is already in the wanted state (a completed task, a reservation no
 * longer wrapping) is a no-op, so the outbox may retry any of them after a crash.
 */
public final class TaskRouterGateway {

    /** The activity every TaskRouter workspace starts with for workers who take no work. */
    public static final String OFFLINE = "Offline";
    /**
     * Lifeline's own available activity, for an agent who was not available when their leg dropped: the Recovery Ping
     * and the reconnect can reach them only in an available activity (README, "Agents who were not available").
     */
    public static final String LIFELINE_RECOVERY = "Lifeline Recovery";
    private static final String DOMAIN = Domains.TASKROUTER.toString();

    private final TwilioHttp http;
    private final TwilioRestClient client;
    private final String workspaceSid;
    private volatile String offlineActivitySid;
    private volatile String recoveryActivitySid;

    private TaskRouterGateway(TwilioHttp http, String workspaceSid) {
        this.http = http;
        this.client = http.client();
        this.workspaceSid = workspaceSid;
    }

    /** Over an SDK client (the server gets its gateways from {@link TwilioConnection}; tests build their own). */
    public static TaskRouterGateway over(TwilioRestClient client, String workspaceSid) {
        return new TaskRouterGateway(new TwilioHttp(client), workspaceSid);
    }

    public String workspaceSid() {
        return workspaceSid;
    }

    // Tasks //

    public String createTask(String workflowSid, String attributesJson, int timeoutSeconds, int priority, String channel) {
        return call("create task", () -> {
            var creator = Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes(attributesJson)
                    .setTimeout(timeoutSeconds).setPriority(priority);
            if (channel != null) {
                creator.setTaskChannel(channel);
            }
            return creator.create(client);
        }).getSid();
    }

    /** Fetched raw so the version (for {@code If-Match}) is not lost: the SDK model has no version field. */
    public TaskState fetchTask(String taskSid) {
        Response response = http.send("fetch task " + taskSid, HttpMethod.GET, DOMAIN, taskPath(taskSid), Map.of(), null);
        JsonNode task = json(response);
        String version = header(response, "ETag");
        if (version == null && task.hasNonNull("version")) {
            version = task.get("version").asText();
        }
        return new TaskState(task.path("sid").asText(), task.path("assignment_status").asText(null),
                task.path("attributes").asText("{}"), task.path("workflow_sid").asText(null), version);
    }

    /**
     * Merges {@code patch} deeply into the task's attributes with {@code If-Match}, re-reading and retrying when
     * someone else wrote in between — never the original's wholesale overwrite of a stale snapshot (seed §8.3).
     * Deeply: a nested object of the patch (Lifeline's {@code conversations.followed_by}) is merged key by key into
     * the task's, so the Insights fields others keep there ({@code conversations.*}) survive.
     */
    public void mergeTaskAttributes(String taskSid, Map<String, Object> patch) {
        JsonNode patchTree = JSON.valueToTree(patch);
        for (int attempt = 1; ; attempt++) {
            TaskState task = fetchTask(taskSid);
            ObjectNode merged = (ObjectNode) parseJson(task.attributesJson());
            mergeDeeply(merged, patchTree);
            try {
                Map<String, String> headers = task.version() == null ? Map.of() : Map.of("If-Match", task.version());
                http.send("update task " + taskSid, HttpMethod.POST, DOMAIN, taskPath(taskSid),
                        Map.of("Attributes", merged.toString()), headers);
                return;
            } catch (TwilioGatewayException e) {
                if (e.status() != 412 || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** JSON merge: objects key by key at every depth; anything else in the patch replaces what was there. */
    private static void mergeDeeply(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                mergeDeeply(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    /** Completes the task unless it already finished. */
    public void completeTask(String taskSid, String reason) {
        finishTask(taskSid, Task.Status.COMPLETED, reason);
    }

    /** Cancels the task unless it already finished. */
    public void cancelTask(String taskSid, String reason) {
        finishTask(taskSid, Task.Status.CANCELED, reason);
    }

    private void finishTask(String taskSid, Task.Status status, String reason) {
        TaskState task = fetchTask(taskSid);
        if (task.isFinished()) {
            return;
        }
        call(status + " task " + taskSid,
                () -> Task.updater(workspaceSid, taskSid).setAssignmentStatus(status).setReason(reason).update(client));
    }

    /** Moves an assigned task to wrap-up ({@code AssignmentStatus=wrapping}); a task already wrapping is left alone. */
    public void wrapUpTask(String taskSid, String reason) {
        TaskState task = fetchTask(taskSid);
        if (!"assigned".equals(task.assignmentStatus())) {
            return;
        }
        call("wrap up task " + taskSid, () -> Task.updater(workspaceSid, taskSid)
                .setAssignmentStatus(Task.Status.WRAPPING).setReason(reason).update(client));
    }

    /** The task with what a desktop shows of it; empty when TaskRouter does not know it (404). */
    public Optional<TaskDetails> taskDetails(String taskSid) {
        try {
            JsonNode t = json(http.send("fetch task " + taskSid, HttpMethod.GET, DOMAIN, taskPath(taskSid), Map.of(), null));
            return Optional.of(new TaskDetails(t.path("sid").asText(), t.path("assignment_status").asText(null),
                    t.path("attributes").asText("{}"), t.path("workflow_sid").asText(null),
                    t.path("task_channel_unique_name").asText(null), t.path("priority").asInt(0),
                    Math.max(0, t.path("age").asLong(0)), t.path("task_queue_sid").asText(null),
                    t.path("task_queue_friendly_name").asText(null), instant(t.path("date_created").asText(null))));
        } catch (TwilioGatewayException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The workspace's tasks, every page: those of one workflow when {@code workflowSidOrNull} is set, in the given
     * assignment statuses when {@code statuses} is not empty (TaskRouter's {@code WorkflowSid} and
     * {@code AssignmentStatus} list filters). Finished tasks are listed only while TaskRouter still keeps them.
     */
    public List<TaskDetails> tasks(String workflowSidOrNull, List<String> statuses) {
        return call("list tasks", () -> {
            var reader = Task.reader(workspaceSid).setPageSize(1000L);
            if (workflowSidOrNull != null) {
                reader.setWorkflowSid(workflowSidOrNull);
            }
            if (!statuses.isEmpty()) {
                reader.setAssignmentStatus(statuses);
            }
            List<TaskDetails> result = new ArrayList<>();
            // The SDK's reader follows Twilio's next_page_url through every page.
            for (Task t : reader.read(client)) {
                result.add(new TaskDetails(t.getSid(), t.getAssignmentStatus() == null ? null : t.getAssignmentStatus().toString(),
                        t.getAttributes() == null ? "{}" : t.getAttributes(), t.getWorkflowSid(), t.getTaskChannelUniqueName(),
                        t.getPriority() == null ? 0 : t.getPriority(), t.getAge() == null ? 0 : Math.max(0, t.getAge()),
                        t.getTaskQueueSid(), t.getTaskQueueFriendlyName(),
                        t.getDateCreated() == null ? null : t.getDateCreated().toInstant()));
            }
            return result;
        });
    }

    // Reservations //

    public String reservationStatus(String taskSid, String reservationSid) {
        Reservation reservation = call("fetch reservation " + reservationSid,
                () -> Reservation.fetcher(workspaceSid, taskSid, reservationSid).fetch(client));
        return reservation.getReservationStatus() == null ? null : reservation.getReservationStatus().toString();
    }

    /** Completes a reservation that is still wrapping; @return true if this call completed it. */
    public boolean completeReservationIfWrapping(String taskSid, String reservationSid) {
        if (!"wrapping".equals(reservationStatus(taskSid, reservationSid))) {
            return false;
        }
        call("complete reservation " + reservationSid, () -> Reservation.updater(workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.COMPLETED).update(client));
        return true;
    }

    public void rejectReservation(String taskSid, String reservationSid) {
        call("reject reservation " + reservationSid, () -> Reservation.updater(workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.REJECTED).update(client));
    }

    /** Accepts a reservation without an instruction (non-voice channels, the Recovery Ping). */
    public void acceptReservation(String taskSid, String reservationSid) {
        call("accept reservation " + reservationSid, () -> Reservation.updater(workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.ACCEPTED).update(client));
    }

    /**
     * Accepts a voice reservation with the {@code conference} instruction. Sent raw because the SDK's
     * {@code Reservation.ConferenceEvent} has no {@code modify}, which the flag undo needs.
     */
    public void acceptWithConference(String taskSid, String reservationSid, String contactUri, String from,
                                     ConferenceJoin worker, boolean endConferenceOnCustomerExit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Instruction", "conference");
        params.put("To", contactUri);
        params.put("From", from);
        params.put("EndConferenceOnExit", String.valueOf(worker.endConferenceOnExit()));
        params.put("EndConferenceOnCustomerExit", String.valueOf(endConferenceOnCustomerExit));
        params.put("StartConferenceOnEnter", String.valueOf(worker.startConferenceOnEnter()));
        params.put("Beep", "false");
        params.put("ConferenceStatusCallback", worker.statusCallbackUrl());
        params.put("ConferenceStatusCallbackMethod", "POST");
        params.put("ConferenceStatusCallbackEvent", worker.statusCallbackEvents());
        http.send("accept reservation " + reservationSid, HttpMethod.POST, DOMAIN,
                taskPath(taskSid) + "/Reservations/" + reservationSid, params, Map.of());
    }

    /**
     * The worker's reservations (every status TaskRouter still holds). One page of TaskRouter's maximum size: a
     * worker's open reservations are few, and TaskRouter keeps finished ones only for a while.
     */
    public List<ReservationState> workerReservations(String workerSid) {
        return reservationsOf(json(http.get("list reservations of " + workerSid, DOMAIN,
                workspacePath() + "/Workers/" + workerSid + "/Reservations", Map.of("PageSize", "1000"))));
    }

    /** Every reservation TaskRouter still holds for the task (one page: a task has few). */
    public List<ReservationState> taskReservations(String taskSid) {
        return reservationsOf(json(http.get("list reservations of " + taskSid, DOMAIN, taskPath(taskSid) + "/Reservations",
                Map.of("PageSize", "1000"))));
    }

    private static List<ReservationState> reservationsOf(JsonNode page) {
        List<ReservationState> result = new ArrayList<>();
        for (JsonNode r : page.path("reservations")) {
            result.add(new ReservationState(r.path("sid").asText(), r.path("task_sid").asText(),
                    r.path("worker_sid").asText(), r.path("reservation_status").asText(null),
                    instant(r.path("date_created").asText(null))));
        }
        return result;
    }

    // Workers //

    public void setWorkerActivity(String workerSid, String activitySid) {
        setWorkerActivity(workerSid, activitySid, false);
    }

    /**
     * @param rejectPendingReservations TaskRouter's {@code RejectPendingReservations}: on a move to an unavailable
     *                                  activity, the worker's pending reservations are rejected and their tasks routed
     *                                  on at once, instead of each waiting out its reservation timeout (120 s by
     *                                  default) on a desktop that is gone
     */
    public void setWorkerActivity(String workerSid, String activitySid, boolean rejectPendingReservations) {
        call("set activity of " + workerSid, () -> {
            var updater = Worker.updater(workspaceSid, workerSid).setActivitySid(activitySid);
            if (rejectPendingReservations) {
                updater.setRejectPendingReservations(true);
            }
            return updater.update(client);
        });
    }

    /**
     * The {@link #LIFELINE_RECOVERY} activity (available), created in the workspace the first time it is needed: a
     * workspace provisioned before it existed gets it without being provisioned again.
     */
    public String recoveryActivitySid() {
        String known = recoveryActivitySid;
        if (known == null) {
            known = call("find the " + LIFELINE_RECOVERY + " activity", () -> {
                for (Activity activity : Activity.reader(workspaceSid).read(client)) {
                    if (LIFELINE_RECOVERY.equals(activity.getFriendlyName())) {
                        return activity.getSid();
                    }
                }
                return Activity.creator(workspaceSid, LIFELINE_RECOVERY).setAvailable(true).create(client).getSid();
            });
            recoveryActivitySid = known;
        }
        return known;
    }

    /** The workspace's {@code Offline} activity, rejecting pending reservations (see {@link #setWorkerActivity}). */
    public void setWorkerOffline(String workerSid) {
        setWorkerActivity(workerSid, offlineActivitySid(), true);
    }

    private String offlineActivitySid() {
        String known = offlineActivitySid;
        if (known == null) {
            known = call("find the Offline activity", () -> {
                for (Activity activity : Activity.reader(workspaceSid).read(client)) {
                    if (OFFLINE.equals(activity.getFriendlyName())) {
                        return activity.getSid();
                    }
                }
                throw new TwilioGatewayException("find the Offline activity", 404, null,
                        "the workspace has no activity named " + OFFLINE, null);
            });
            offlineActivitySid = known;
        }
        return known;
    }

    /** The worker's current activity; empty when TaskRouter does not know the worker. */
    public Optional<WorkerState> fetchWorker(String workerSid) {
        try {
            JsonNode w = json(http.send("fetch worker " + workerSid, HttpMethod.GET, DOMAIN,
                    workspacePath() + "/Workers/" + workerSid, Map.of(), null));
            return Optional.of(new WorkerState(w.path("sid").asText(), w.path("friendly_name").asText(null),
                    w.path("activity_sid").asText(null), w.path("activity_name").asText(null),
                    w.path("available").asBoolean(false), instant(w.path("date_status_changed").asText(null))));
        } catch (TwilioGatewayException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // Queues and the workspace //

    /** Every TaskQueue of the workspace as SID → friendly name. */
    public Map<String, String> queues() {
        JsonNode page = json(http.send("list task queues", HttpMethod.GET, DOMAIN, workspacePath() + "/TaskQueues",
                Map.of(), null));
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode q : page.path("task_queues")) {
            result.put(q.path("sid").asText(), q.path("friendly_name").asText(q.path("sid").asText()));
        }
        return result;
    }

    /** TaskRouter's real-time statistics of one queue ({@code /TaskQueues/{WQ}/RealTimeStatistics}). */
    public QueueStatistics queueStatistics(String queueSid) {
        JsonNode s = json(http.send("queue statistics of " + queueSid, HttpMethod.GET, DOMAIN,
                workspacePath() + "/TaskQueues/" + queueSid + "/RealTimeStatistics", Map.of(), null));
        JsonNode byStatus = s.path("tasks_by_status");
        Map<String, Long> workersByActivity = new LinkedHashMap<>();
        for (JsonNode a : s.path("activity_statistics")) {
            workersByActivity.put(a.path("friendly_name").asText(), a.path("workers").asLong(0));
        }
        return new QueueStatistics(queueSid, byStatus.path("pending").asInt(0) + byStatus.path("reserved").asInt(0),
                Math.max(0, s.path("longest_relative_task_age_in_queue").asLong(s.path("longest_task_waiting_age").asLong(0))),
                s.path("total_available_workers").asInt(0), s.path("total_eligible_workers").asInt(0), workersByActivity);
    }

    /** A cheap authenticated read, for {@code /health}: can we reach Twilio with our credentials? */
    public boolean reachable() {
        try {
            Workspace.fetcher(workspaceSid).fetch(client);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String workspacePath() {
        return "/v1/Workspaces/" + workspaceSid;
    }

    private String taskPath(String taskSid) {
        return workspacePath() + "/Tasks/" + taskSid;
    }
}
