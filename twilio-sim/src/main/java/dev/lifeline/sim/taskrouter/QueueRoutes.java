package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code /TaskQueues}: CRUD; statistics live in {@link StatisticsRoutes}. */
final class QueueRoutes {

    private static final String QUEUES = "/v1/Workspaces/{ws}/TaskQueues";

    private final TaskRouterWorld world;
    private final TaskRouterJson json;

    QueueRoutes(TaskRouterWorld world, TaskRouterJson json) {
        this.world = world;
        this.json = json;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(QUEUES, ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Form form = new Form(ctx);
            String name = form.required("FriendlyName");
            RoutingExpression target = RoutingExpression.compile(form.get("TargetWorkers"), "target_workers");
            TaskQueue queue = new TaskQueue(Sids.next("WQ"), name, target, world.now());
            applySettings(ws, queue, form);
            ws.queues.put(queue.sid, queue);
            return json.queue(ws, queue);
        }));
        routes.get(QUEUES, ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            String name = ctx.queryParam("FriendlyName");
            return V1Page.of(ctx, "task_queues", "/Workspaces/" + ws.sid + "/TaskQueues", ws.queues.values().stream()
                    .filter(q -> name == null || q.friendlyName.equals(name))
                    .map(q -> json.queue(ws, q)).toList());
        }));
        routes.get(QUEUES + "/{sid}", ctx -> Respond.json(ctx, world, 200,
                () -> json.queue(ws(ctx), ws(ctx).queue(ctx.pathParam("sid")))));
        routes.post(QUEUES + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            Form form = new Form(ctx);
            RoutingExpression target = form.has("TargetWorkers")
                    ? RoutingExpression.compile(form.get("TargetWorkers"), "target_workers") : queue.targetWorkers;
            TaskQueue validated = new TaskQueue(queue.sid, queue.friendlyName, target, queue.created);
            applySettings(ws, validated, form); // validate everything before changing the live queue
            applySettings(ws, queue, form);
            queue.targetWorkers = target;
            if (form.has("FriendlyName")) {
                queue.friendlyName = form.get("FriendlyName");
            }
            queue.updated = world.now();
            return json.queue(ws, queue);
        }));
        routes.delete(QUEUES + "/{sid}", ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            boolean referenced = ws.workflows.values().stream().anyMatch(wf ->
                    queue.sid.equals(wf.configuration.defaultQueueSid())
                            || wf.configuration.filters().stream().flatMap(f -> f.targets().stream())
                            .anyMatch(t -> t.queueSid().equals(queue.sid)));
            boolean holdsTasks = ws.tasks.values().stream()
                    .anyMatch(t -> queue.sid.equals(t.queueSid) && !t.status.isFinal());
            if (referenced || holdsTasks) {
                throw TwilioApiException.badRequest("TaskQueue " + queue.sid + " is in use by a workflow or a task");
            }
            ws.queues.remove(queue.sid);
            return null;
        }));
    }

    private Workspace ws(Context ctx) {
        return world.workspace(ctx.pathParam("ws"));
    }

    private static void applySettings(Workspace ws, TaskQueue queue, Form form) {
        Integer maxReserved = form.integer("MaxReservedWorkers", 1, 50);
        String order = form.get("TaskOrder");
        if (order != null && !order.equals("FIFO") && !order.equals("LIFO")) {
            throw TwilioApiException.badRequest("TaskOrder must be FIFO or LIFO, got " + order);
        }
        String reservationActivity = form.get("ReservationActivitySid");
        String assignmentActivity = form.get("AssignmentActivitySid");
        if (reservationActivity != null) {
            ws.activity(reservationActivity);
        }
        if (assignmentActivity != null) {
            ws.activity(assignmentActivity);
        }
        if (maxReserved != null) {
            queue.maxReservedWorkers = maxReserved;
        }
        if (order != null) {
            queue.taskOrder = order;
        }
        if (reservationActivity != null) {
            queue.reservationActivitySid = reservationActivity;
        }
        if (assignmentActivity != null) {
            queue.assignmentActivitySid = assignmentActivity;
        }
    }
}
