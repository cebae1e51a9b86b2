package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code /Workflows}: the {@code Configuration} is validated (JSON, queue SIDs, expressions) before it is saved. */
final class WorkflowRoutes {

    private static final String WORKFLOWS = "/v1/Workspaces/{ws}/Workflows";

    private final TaskRouterWorld world;
    private final TaskRouterJson json;

    WorkflowRoutes(TaskRouterWorld world, TaskRouterJson json) {
        this.world = world;
        this.json = json;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(WORKFLOWS, ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Form form = new Form(ctx);
            String name = form.required("FriendlyName");
            String configurationJson = form.required("Configuration");
            WorkflowConfiguration configuration = WorkflowConfiguration.parse(world.context.json, configurationJson, ws.queues);
            Integer timeout = form.integer("TaskReservationTimeout", 1, 86_400);
            Workflow workflow = new Workflow(Sids.next("WW"), name, configurationJson, configuration, world.now());
            workflow.assignmentCallbackUrl = form.get("AssignmentCallbackUrl");
            workflow.fallbackAssignmentCallbackUrl = form.get("FallbackAssignmentCallbackUrl");
            if (timeout != null) {
                workflow.taskReservationTimeout = timeout;
            }
            ws.workflows.put(workflow.sid, workflow);
            return json.workflow(ws, workflow);
        }));
        routes.get(WORKFLOWS, ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            String name = ctx.queryParam("FriendlyName");
            return V1Page.of(ctx, "workflows", "/Workspaces/" + ws.sid + "/Workflows", ws.workflows.values().stream()
                    .filter(wf -> name == null || wf.friendlyName.equals(name))
                    .map(wf -> json.workflow(ws, wf)).toList());
        }));
        routes.get(WORKFLOWS + "/{sid}", ctx -> Respond.json(ctx, world, 200,
                () -> json.workflow(ws(ctx), ws(ctx).workflow(ctx.pathParam("sid")))));
        routes.post(WORKFLOWS + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Workflow workflow = ws.workflow(ctx.pathParam("sid"));
            Form form = new Form(ctx);
            WorkflowConfiguration configuration = form.has("Configuration")
                    ? WorkflowConfiguration.parse(world.context.json, form.get("Configuration"), ws.queues) : null;
            Integer timeout = form.integer("TaskReservationTimeout", 1, 86_400);
            if (form.has("FriendlyName")) {
                workflow.friendlyName = form.get("FriendlyName");
            }
            if (form.has("AssignmentCallbackUrl")) {
                workflow.assignmentCallbackUrl = form.get("AssignmentCallbackUrl");
            }
            if (form.has("FallbackAssignmentCallbackUrl")) {
                workflow.fallbackAssignmentCallbackUrl = form.get("FallbackAssignmentCallbackUrl");
            }
            if (timeout != null) {
                workflow.taskReservationTimeout = timeout;
            }
            workflow.updated = world.now();
            if (configuration != null) {
                workflow.configuration = configuration;
                workflow.configurationJson = form.get("Configuration");
                reEvaluateWaitingTasks(ws, workflow);
            }
            return json.workflow(ws, workflow);
        }));
        routes.delete(WORKFLOWS + "/{sid}", ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            Workflow workflow = ws.workflow(ctx.pathParam("sid"));
            if (ws.tasks.values().stream().anyMatch(t -> t.workflowSid.equals(workflow.sid) && !t.status.isFinal())) {
                throw TwilioApiException.badRequest("Workflow " + workflow.sid + " still has active tasks");
            }
            ws.workflows.remove(workflow.sid);
            return null;
        }));
    }

    /**
     * A new configuration applies to tasks still waiting on the workflow (Twilio's {@code ReEvaluateTasks}):
     * their offers are rescinded and they are routed again from the first filter.
     */
    private void reEvaluateWaitingTasks(Workspace ws, Workflow workflow) {
        ws.tasks.values().stream()
                .filter(t -> t.workflowSid.equals(workflow.sid) && t.status.isWaiting())
                .toList()
                .forEach(task -> {
                    world.lifecycle.rescindPending(ws, task);
                    task.cancelStepTimer();
                    world.routing.place(ws, task);
                });
    }

    private Workspace ws(Context ctx) {
        return world.workspace(ctx.pathParam("ws"));
    }
}
