package dev.lifeline.server.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.core5.http.Header;

/**
 * Every Twilio REST call the server makes, and the only class that touches the SDK's resource classes.
 * Each method is safe to repeat: an operation whose target is already in the wanted state (a completed
 * task, an ended conference) is a no-op, so the outbox may retry any of them after a crash.
 */
public final class TwilioGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The activity every TaskRouter workspace starts with for workers who take no work. */
    public static final String OFFLINE = "Offline";

    private final TwilioRestClient client;
    private final String workspaceSid;
    private volatile String offlineActivitySid;

    public TwilioGateway(TwilioRestClient client, String workspaceSid) {
        this.client = client;
        this.workspaceSid = workspaceSid;
    }

    public String workspaceSid() {
        return workspaceSid;
    }

    // Conferences and participants //

    public void announce(String conferenceSid, String url) {
        call("announce to " + conferenceSid, () -> Conference.updater(conferenceSid).setAnnounceUrl(url).update(client));
    }

    /**
     * Ends the conference; already ended counts as done. Twilio answers an ended conference with 404 once it has
     * aged out, and with 400 "is not in progress" before that (the customer's leg ended it on exit, say), so a
     * 400 is checked against the conference's own status instead of being taken for a refusal.
     */
    public void endConference(String conferenceSid) {
        try {
            ignoringNotFound("end " + conferenceSid,
                    () -> Conference.updater(conferenceSid).setStatus(Conference.UpdateStatus.COMPLETED).update(client));
        } catch (TwilioGatewayException e) {
            if (e.status() != 400 || !conferenceCompleted(conferenceSid)) {
                throw e;
            }
        }
    }

    private boolean conferenceCompleted(String conferenceSid) {
        try {
            return Conference.fetcher(conferenceSid).fetch(client).getStatus() == Conference.Status.COMPLETED;
        } catch (ApiException e) {
            return status(e) == 404;
        }
    }

    public void hold(String conferenceSid, String callSid, boolean hold, String holdUrl) {
        call("hold " + callSid, () -> {
            var updater = Participant.updater(conferenceSid, callSid).setHold(hold);
            if (hold && holdUrl != null) {
                updater.setHoldUrl(holdUrl);
            }
            return updater.update(client);
        });
    }

    public void mute(String conferenceSid, String callSid, boolean muted) {
        call("mute " + callSid, () -> Participant.updater(conferenceSid, callSid).setMuted(muted).update(client));
    }

    public void setEndConferenceOnExit(String conferenceSid, String callSid, boolean value) {
        call("endConferenceOnExit " + callSid,
                () -> Participant.updater(conferenceSid, callSid).setEndConferenceOnExit(value).update(client));
    }

    /** The conference's current participants; an ended conference has none. */
    public List<ParticipantState> participants(String conferenceSid) {
        List<ParticipantState> result = new ArrayList<>();
        try {
            for (Participant p : Participant.reader(conferenceSid).read(client)) {
                result.add(new ParticipantState(p.getCallSid(), p.getLabel(), Boolean.TRUE.equals(p.getHold()),
                        Boolean.TRUE.equals(p.getMuted()), Boolean.TRUE.equals(p.getEndConferenceOnExit()),
                        p.getStatus() == null ? null : p.getStatus().toString()));
            }
        } catch (ApiException e) {
            if (status(e) != 404) {
                throw translate("list participants of " + conferenceSid, e);
            }
        }
        return result;
    }

    /** The SID of the in-progress conference with this friendly name (TaskRouter names them by task SID). */
    public java.util.Optional<String> conferenceSidByName(String friendlyName) {
        return call("find conference " + friendlyName, () -> {
            for (Conference conference : Conference.reader().setFriendlyName(friendlyName)
                    .setStatus(Conference.Status.IN_PROGRESS).read(client)) {
                return java.util.Optional.of(conference.getSid());
            }
            return java.util.Optional.<String>empty();
        });
    }

    /** Every in-progress conference of the account (the SDK reader follows Twilio's pages). */
    public List<ConferenceSummary> activeConferences() {
        return call("list in-progress conferences", () -> {
            List<ConferenceSummary> result = new ArrayList<>();
            for (Conference conference : Conference.reader().setStatus(Conference.Status.IN_PROGRESS).read(client)) {
                result.add(new ConferenceSummary(conference.getSid(), conference.getFriendlyName()));
            }
            return result;
        });
    }

    /** The participant, or empty when it is not (or no longer) in the conference. */
    public java.util.Optional<ParticipantState> participant(String conferenceSid, String callSid) {
        try {
            Participant p = Participant.fetcher(conferenceSid, callSid).fetch(client);
            return java.util.Optional.of(new ParticipantState(p.getCallSid(), p.getLabel(), Boolean.TRUE.equals(p.getHold()),
                    Boolean.TRUE.equals(p.getMuted()), Boolean.TRUE.equals(p.getEndConferenceOnExit()),
                    p.getStatus() == null ? null : p.getStatus().toString()));
        } catch (ApiException e) {
            if (status(e) == 404) {
                return java.util.Optional.empty();
            }
            throw translate("fetch participant " + callSid, e);
        }
    }

    // Calls //

    /** @return the call's status ({@code in-progress}, {@code completed}, …), or {@code null} if Twilio does not know it */
    public String callStatus(String callSid) {
        try {
            Call call = Call.fetcher(callSid).fetch(client);
            return call.getStatus() == null ? null : call.getStatus().toString();
        } catch (ApiException e) {
            if (status(e) == 404) {
                return null;
            }
            throw translate("fetch call " + callSid, e);
        }
    }

    public void redirect(String callSid, String twiml) {
        call("redirect " + callSid, () -> Call.updater(callSid).setTwiml(twiml).update(client));
    }

    public void hangUp(String callSid) {
        ignoringNotFound("hang up " + callSid, () -> Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client));
    }

    // TaskRouter //

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
        Response response = raw("fetch task " + taskSid, HttpMethod.GET, taskPath(taskSid), Map.of(), null);
        JsonNode task = parse(response);
        String version = header(response, "ETag");
        if (version == null && task.hasNonNull("version")) {
            version = task.get("version").asText();
        }
        return new TaskState(task.path("sid").asText(), task.path("assignment_status").asText(null),
                task.path("attributes").asText("{}"), task.path("workflow_sid").asText(null), version);
    }

    /**
     * Merges {@code patch} into the task's attributes with {@code If-Match}, re-reading and retrying when
     * someone else wrote in between — never the original's wholesale overwrite of a stale snapshot.
     */
    public void mergeTaskAttributes(String taskSid, Map<String, Object> patch) {
        for (int attempt = 1; ; attempt++) {
            TaskState task = fetchTask(taskSid);
            ObjectNode merged = (ObjectNode) parseJson(task.attributesJson());
            patch.forEach((key, value) -> merged.set(key, JSON.valueToTree(value)));
            try {
                Map<String, String> headers = task.version() == null ? Map.of() : Map.of("If-Match", task.version());
                raw("update task " + taskSid, HttpMethod.POST, taskPath(taskSid), Map.of("Attributes", merged.toString()), headers);
                return;
            } catch (TwilioGatewayException e) {
                if (e.status() != 412 || attempt >= 5) {
                    throw e;
                }
            }
        }
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

    /**
     * Accepts a voice reservation with the {@code conference} instruction. Sent raw because the SDK's
     * {@code Reservation.ConferenceEvent} has no {@code modify}, which the flag undo needs.
     */
    public void acceptWithConference(String taskSid, String reservationSid, String contactUri, String from,
                                     ConferenceJoin worker, boolean endConferenceOnCustomerExit) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
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
        raw("accept reservation " + reservationSid, HttpMethod.POST,
                "/v1/Workspaces/" + workspaceSid + "/Tasks/" + taskSid + "/Reservations/" + reservationSid, params, Map.of());
    }

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

    /** A cheap authenticated read, for {@code /health}: can we reach Twilio with our credentials? */
    public boolean reachable() {
        try {
            com.twilio.rest.taskrouter.v1.Workspace.fetcher(workspaceSid).fetch(client);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // Plumbing //

    private String taskPath(String taskSid) {
        return "/v1/Workspaces/" + workspaceSid + "/Tasks/" + taskSid;
    }

    private Response raw(String operation, HttpMethod method, String path, Map<String, ?> params, Map<String, String> headers) {
        Request request = new Request(method, Domains.TASKROUTER.toString(), path);
        params.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> request.addPostParam(name, String.valueOf(v)));
            } else if (value != null) {
                request.addPostParam(name, String.valueOf(value));
            }
        });
        if (headers != null) {
            headers.forEach(request::addHeaderParam);
        }
        return send(operation, request);
    }

    private static String header(Response response, String name) {
        Header[] headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Header header : headers) {
            if (header.getName().equalsIgnoreCase(name)) {
                return header.getValue().replace("\"", "");
            }
        }
        return null;
    }

    private static JsonNode parse(Response response) {
        return parseJson(response.getContent());
    }

    private static JsonNode parseJson(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            throw new TwilioGatewayException("parse JSON", 0, null, e.getMessage(), e);
        }
    }

    private static JsonNode parseQuietly(String json) {
        try {
            return parseJson(json);
        } catch (TwilioGatewayException e) {
            return JSON.createObjectNode();
        }
    }

    private static <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw translate(operation, e);
        }
    }

    private static void ignoringNotFound(String operation, Supplier<?> action) {
        try {
            action.get();
        } catch (ApiException e) {
            if (status(e) != 404) {
                throw translate(operation, e);
            }
        }
    }

    private static int status(ApiException e) {
        return e.getStatusCode() == null ? 0 : e.getStatusCode();
    }

    private static TwilioGatewayException translate(String operation, ApiException e) {
        return new TwilioGatewayException(operation, status(e), e.getCode(), e.getMessage(), e);
    }

    // Desktop and supervisor reads (added for the desktop API) //

    /**
     * The worker's reservations (every status TaskRouter still holds). One page of TaskRouter's maximum size: a
     * worker's open reservations are few, and TaskRouter keeps finished ones only for a while.
     */
    public List<ReservationState> workerReservations(String workerSid) {
        JsonNode page = parse(rawGet("list reservations of " + workerSid,
                "/v1/Workspaces/" + workspaceSid + "/Workers/" + workerSid + "/Reservations", Map.of("PageSize", "1000")));
        return reservationsOf(page);
    }

    /** Every reservation TaskRouter still holds for the task (one page: a task has few). */
    public List<ReservationState> taskReservations(String taskSid) {
        return reservationsOf(parse(rawGet("list reservations of " + taskSid, taskPath(taskSid) + "/Reservations",
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

    /** The task with what a desktop shows of it; empty when TaskRouter does not know it (404). */
    public java.util.Optional<TaskDetails> taskDetails(String taskSid) {
        try {
            JsonNode t = parse(raw("fetch task " + taskSid, HttpMethod.GET, taskPath(taskSid), Map.of(), null));
            return java.util.Optional.of(new TaskDetails(t.path("sid").asText(), t.path("assignment_status").asText(null),
                    t.path("attributes").asText("{}"), t.path("workflow_sid").asText(null),
                    t.path("task_channel_unique_name").asText(null), t.path("priority").asInt(0),
                    Math.max(0, t.path("age").asLong(0)), t.path("task_queue_sid").asText(null),
                    t.path("task_queue_friendly_name").asText(null), instant(t.path("date_created").asText(null))));
        } catch (TwilioGatewayException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
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

    /** The worker's current activity; empty when TaskRouter does not know the worker. */
    public java.util.Optional<WorkerState> fetchWorker(String workerSid) {
        try {
            JsonNode w = parse(raw("fetch worker " + workerSid, HttpMethod.GET,
                    "/v1/Workspaces/" + workspaceSid + "/Workers/" + workerSid, Map.of(), null));
            return java.util.Optional.of(new WorkerState(w.path("sid").asText(), w.path("friendly_name").asText(null),
                    w.path("activity_sid").asText(null), w.path("activity_name").asText(null),
                    w.path("available").asBoolean(false), instant(w.path("date_status_changed").asText(null))));
        } catch (TwilioGatewayException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** Every TaskQueue of the workspace as SID → friendly name. */
    public Map<String, String> queues() {
        JsonNode page = parse(raw("list task queues", HttpMethod.GET,
                "/v1/Workspaces/" + workspaceSid + "/TaskQueues", Map.of(), null));
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (JsonNode q : page.path("task_queues")) {
            result.put(q.path("sid").asText(), q.path("friendly_name").asText(q.path("sid").asText()));
        }
        return result;
    }

    /** TaskRouter's real-time statistics of one queue ({@code /TaskQueues/{WQ}/RealTimeStatistics}). */
    public QueueStatistics queueStatistics(String queueSid) {
        JsonNode s = parse(raw("queue statistics of " + queueSid, HttpMethod.GET,
                "/v1/Workspaces/" + workspaceSid + "/TaskQueues/" + queueSid + "/RealTimeStatistics", Map.of(), null));
        JsonNode byStatus = s.path("tasks_by_status");
        Map<String, Long> workersByActivity = new java.util.LinkedHashMap<>();
        for (JsonNode a : s.path("activity_statistics")) {
            workersByActivity.put(a.path("friendly_name").asText(), a.path("workers").asLong(0));
        }
        return new QueueStatistics(queueSid, byStatus.path("pending").asInt(0) + byStatus.path("reserved").asInt(0),
                Math.max(0, s.path("longest_relative_task_age_in_queue").asLong(s.path("longest_task_waiting_age").asLong(0))),
                s.path("total_available_workers").asInt(0), s.path("total_eligible_workers").asInt(0), workersByActivity);
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

    /** Accepts a reservation without an instruction (non-voice channels, the Recovery Ping). */
    public void acceptReservation(String taskSid, String reservationSid) {
        call("accept reservation " + reservationSid, () -> Reservation.updater(workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.ACCEPTED).update(client));
    }

    /** Sends a raw request; a non-2xx/3xx answer becomes a {@link TwilioGatewayException} with Twilio's code. */
    private Response send(String operation, Request request) {
        Response response;
        try {
            response = client.request(request);
        } catch (ApiException e) {
            throw translate(operation, e);
        }
        if (response == null) {
            throw new TwilioGatewayException(operation, 0, null, "no response", null);
        }
        if (!TwilioRestClient.SUCCESS.test(response.getStatusCode())) {
            JsonNode error = parseQuietly(response.getContent());
            throw new TwilioGatewayException(operation, response.getStatusCode(),
                    error.hasNonNull("code") ? error.get("code").asInt() : null, error.path("message").asText(""), null);
        }
        return response;
    }

    /** A GET whose parameters travel in the query string ({@link #raw} sends them as form fields). */
    private Response rawGet(String operation, String path, Map<String, String> query) {
        Request request = new Request(HttpMethod.GET, Domains.TASKROUTER.toString(), path);
        query.forEach(request::addQueryParam);
        return send(operation, request);
    }

    private static java.time.Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A reservation as a worker's reservation list shows it. */
    public record ReservationState(String sid, String taskSid, String workerSid, String status, java.time.Instant createdAt) {
    }

    /** A conference as a list shows it; TaskRouter's conference instruction names it after the task SID. */
    public record ConferenceSummary(String sid, String friendlyName) {
    }

    /** A task with the fields a desktop shows ({@code age} in seconds). */
    public record TaskDetails(String sid, String assignmentStatus, String attributesJson, String workflowSid, String channel,
                              int priority, long ageSeconds, String queueSid, String queueName, java.time.Instant createdAt) {
    }

    /** A worker's activity as TaskRouter reports it. */
    public record WorkerState(String sid, String friendlyName, String activitySid, String activityName, boolean available,
                              java.time.Instant activityChangedAt) {
    }

    /** One queue's real-time figures: waiting = pending + reserved tasks. */
    public record QueueStatistics(String queueSid, int waitingTasks, long longestWaitSeconds, int availableWorkers,
                                  int eligibleWorkers, Map<String, Long> workersByActivity) {
    }
}
