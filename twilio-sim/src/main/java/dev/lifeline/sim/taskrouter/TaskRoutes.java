package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /Tasks} and {@code /Tasks/{WT}/Reservations}; updates and deletes honour {@code If-Match}. */
final class TaskRoutes {

    private static final String TASKS = "/v1/Workspaces/{ws}/Tasks";
    private static final Set<String> SETTABLE_STATUSES = Set.of("canceled", "wrapping", "completed");

    private final TaskRouterWorld world;
    private final TaskRouterJson json;
    private final ReservationUpdate reservationUpdate;

    TaskRoutes(TaskRouterWorld world, TaskRouterJson json, ReservationUpdate reservationUpdate) {
        this.world = world;
        this.json = json;
        this.reservationUpdate = reservationUpdate;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(TASKS, ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Form form = new Form(ctx);
            Task task = world.createTask(ws, workflowSid(ws, form),
                    form.has("Attributes") ? form.get("Attributes") : "{}",
                    form.integer("Priority", 0, Integer.MAX_VALUE),
                    form.integer("Timeout", 1, 1_209_600),
                    form.get("TaskChannel"));
            return taskJson(ctx, ws, task);
        }));
        routes.get(TASKS, ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Set<String> statuses = ctx.queryParams("AssignmentStatus").stream()
                    .flatMap(s -> Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            String workflowSid = ctx.queryParam("WorkflowSid");
            String workflowName = ctx.queryParam("WorkflowName");
            String queueSid = ctx.queryParam("TaskQueueSid");
            String queueName = ctx.queryParam("TaskQueueName");
            List<Map<String, Object>> tasks = ws.tasks.values().stream()
                    .filter(t -> statuses.isEmpty() || statuses.contains(t.status.wire()))
                    .filter(t -> workflowSid == null || t.workflowSid.equals(workflowSid))
                    .filter(t -> workflowName == null || workflowName.equals(ws.workflows.get(t.workflowSid).friendlyName))
                    .filter(t -> queueSid == null || queueSid.equals(t.queueSid))
                    .filter(t -> queueName == null || (t.queueSid != null && queueName.equals(ws.queues.get(t.queueSid).friendlyName)))
                    .sorted(Comparator.comparing((Task t) -> t.created).thenComparingLong(t -> t.arrival))
                    .map(t -> json.task(ws, t, world.now())).toList();
            return V1Page.of(ctx, "tasks", "/Workspaces/" + ws.sid + "/Tasks", tasks);
        }));
        routes.get(TASKS + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            return taskJson(ctx, ws, ws.task(ctx.pathParam("sid")));
        }));
        routes.post(TASKS + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Task task = ws.task(ctx.pathParam("sid"));
            IfMatch.check(ctx, task.version, "Task " + task.sid);
            update(ws, task, new Form(ctx));
            return taskJson(ctx, ws, task);
        }));
        routes.delete(TASKS + "/{sid}", ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            Task task = ws.task(ctx.pathParam("sid"));
            IfMatch.check(ctx, task.version, "Task " + task.sid);
            world.lifecycle.delete(ws, task);
            return null;
        }));

        routes.get(TASKS + "/{sid}/Reservations", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Task task = ws.task(ctx.pathParam("sid"));
            String status = ctx.queryParam("ReservationStatus");
            String workerSid = ctx.queryParam("WorkerSid");
            return V1Page.of(ctx, "reservations", "/Workspaces/" + ws.sid + "/Tasks/" + task.sid + "/Reservations",
                    ws.reservations.values().stream()
                            .filter(r -> r.taskSid.equals(task.sid))
                            .filter(r -> status == null || r.status.wire().equals(status))
                            .filter(r -> workerSid == null || r.workerSid.equals(workerSid))
                            .map(r -> json.reservation(ws, r, false)).toList());
        }));
        routes.get(TASKS + "/{sid}/Reservations/{reservation}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Reservation reservation = reservationOf(ws, ctx);
            ctx.header("ETag", Integer.toString(reservation.version));
            return json.reservation(ws, reservation, false);
        }));
        routes.post(TASKS + "/{sid}/Reservations/{reservation}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Reservation reservation = reservationOf(ws, ctx);
            reservationUpdate.apply(ctx, ws, reservation);
            return json.reservation(ws, reservation, false);
        }));
    }

    private Workspace ws(Context ctx) {
        return world.workspace(ctx.pathParam("ws"));
    }

    private Map<String, Object> taskJson(Context ctx, Workspace ws, Task task) {
        ctx.header("ETag", Integer.toString(task.version));
        return json.task(ws, task, world.now());
    }

    private static Reservation reservationOf(Workspace ws, Context ctx) {
        Task task = ws.task(ctx.pathParam("sid"));
        Reservation reservation = ws.reservation(ctx.pathParam("reservation"));
        if (!reservation.taskSid.equals(task.sid)) {
            throw TwilioApiException.notFound("Reservation", reservation.sid);
        }
        return reservation;
    }

    /** Twilio picks the workspace's only workflow when {@code WorkflowSid} is left out. */
    private static String workflowSid(Workspace ws, Form form) {
        if (form.has("WorkflowSid")) {
            return form.get("WorkflowSid");
        }
        if (ws.workflows.size() == 1) {
            return ws.workflows.keySet().iterator().next();
        }
        throw TwilioApiException.missingParameter("WorkflowSid");
    }

    /** Validates every parameter first, so a bad request changes nothing; then attributes, priority, status. */
    private void update(Workspace ws, Task task, Form form) {
        Map<String, Object> attributes = form.has("Attributes")
                ? Attributes.parse(world.context.json, form.get("Attributes"), "Attributes") : null;
        Integer priority = form.integer("Priority", 0, Integer.MAX_VALUE);
        String status = form.get("AssignmentStatus");
        if (status != null && !SETTABLE_STATUSES.contains(status)) {
            throw TwilioApiException.badRequest("AssignmentStatus must be canceled, wrapping or completed, got " + status);
        }
        if (status != null) {
            requireTransition(task, status);
        }
        String reason = form.get("Reason");
        if (attributes != null || priority != null) {
            if (attributes != null) {
                task.attributes = attributes;
                task.attributesJson = form.get("Attributes");
            }
            if (priority != null) {
                task.priority = priority;
            }
            task.touch(world.now());
            world.events.task(ws, "task.updated", task);
            if (attributes != null && task.status == TaskStatus.PENDING) {
                // Twilio re-evaluates a waiting task against its workflow when its attributes change
                task.cancelStepTimer();
                world.routing.place(ws, task);
            }
        }
        if (status != null) {
            switch (status) {
                case "canceled" -> world.lifecycle.cancel(ws, task, reason);
                case "wrapping" -> world.lifecycle.wrapTask(ws, task, reason);
                default -> world.lifecycle.completeTask(ws, task, reason);
            }
        }
    }

    private static void requireTransition(Task task, String status) {
        boolean legal = switch (status) {
            case "canceled" -> task.status.isWaiting();
            case "wrapping" -> task.status == TaskStatus.ASSIGNED;
            default -> task.status == TaskStatus.ASSIGNED || task.status == TaskStatus.WRAPPING;
        };
        if (!legal) {
            throw TwilioApiException.badRequest("Task " + task.sid + " is " + task.status.wire()
                    + "; it cannot move to " + status);
        }
    }
}
