package dev.lifeline.sim.taskrouter;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TaskRouter's statistics resources, at the paths twilio-java's fetchers use: {@code RealTimeStatistics} (now),
 * {@code CumulativeStatistics} (events in a window) and {@code Statistics} (both) of the workspace, each workflow,
 * each queue, the workers together and each worker, plus the list of every queue's statistics.
 * Registered before the resources' {@code /{sid}} routes, so {@code /Workers/Statistics} is not taken for a worker.
 */
final class StatisticsRoutes {

    private static final String WS = "/v1/Workspaces/{ws}";

    private final TaskRouterWorld world;

    StatisticsRoutes(TaskRouterWorld world) {
        this.world = world;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(WS + "/RealTimeStatistics", ctx -> respond(ctx, ws -> header(ws, "/RealTimeStatistics",
                realTime(ws).workspace())));
        routes.get(WS + "/CumulativeStatistics", ctx -> respond(ctx, ws -> header(ws, "/CumulativeStatistics",
                cumulative(ctx, ws).workspace())));
        routes.get(WS + "/Statistics", ctx -> respond(ctx, ws -> both(ws, "/Statistics", Map.of(),
                realTime(ws).workspace(), cumulative(ctx, ws).workspace())));

        routes.get(WS + "/Workflows/{sid}/RealTimeStatistics", ctx -> respond(ctx, ws -> {
            Workflow workflow = ws.workflow(ctx.pathParam("sid"));
            return header(ws, "/Workflows/" + workflow.sid + "/RealTimeStatistics", realTime(ws).workflow(workflow));
        }));
        routes.get(WS + "/Workflows/{sid}/CumulativeStatistics", ctx -> respond(ctx, ws -> {
            Workflow workflow = ws.workflow(ctx.pathParam("sid"));
            Map<String, Object> json = new LinkedHashMap<>(Map.of("workflow_sid", workflow.sid));
            json.putAll(cumulative(ctx, ws).workflow(workflow));
            return header(ws, "/Workflows/" + workflow.sid + "/CumulativeStatistics", json);
        }));
        routes.get(WS + "/Workflows/{sid}/Statistics", ctx -> respond(ctx, ws -> {
            Workflow workflow = ws.workflow(ctx.pathParam("sid"));
            return both(ws, "/Workflows/" + workflow.sid + "/Statistics", Map.of("workflow_sid", workflow.sid),
                    realTime(ws).workflow(workflow), cumulative(ctx, ws).workflow(workflow));
        }));

        routes.get(WS + "/TaskQueues/Statistics", ctx -> respond(ctx, ws -> {
            String name = ctx.queryParam("FriendlyName");
            List<Map<String, Object>> all = ws.queues.values().stream()
                    .filter(q -> name == null || q.friendlyName.equals(name))
                    .map(q -> queueStatistics(ctx, ws, q, null))
                    .toList();
            return V1Page.of(ctx, "task_queues_statistics", "/Workspaces/" + ws.sid + "/TaskQueues/Statistics", all);
        }));
        routes.get(WS + "/TaskQueues/{sid}/RealTimeStatistics", ctx -> respond(ctx, ws -> {
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            return header(ws, "/TaskQueues/" + queue.sid + "/RealTimeStatistics", realTime(ws).queue(queue));
        }));
        routes.get(WS + "/TaskQueues/{sid}/CumulativeStatistics", ctx -> respond(ctx, ws -> {
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            Map<String, Object> json = new LinkedHashMap<>(Map.of("task_queue_sid", queue.sid));
            json.putAll(cumulative(ctx, ws).queue(queue));
            return header(ws, "/TaskQueues/" + queue.sid + "/CumulativeStatistics", json);
        }));
        routes.get(WS + "/TaskQueues/{sid}/Statistics", ctx -> respond(ctx, ws -> {
            TaskQueue queue = ws.queue(ctx.pathParam("sid"));
            return queueStatistics(ctx, ws, queue, "/TaskQueues/" + queue.sid + "/Statistics");
        }));

        routes.get(WS + "/Workers/RealTimeStatistics", ctx -> respond(ctx, ws -> header(ws, "/Workers/RealTimeStatistics",
                realTime(ws).workers(ws.workers.values()))));
        routes.get(WS + "/Workers/CumulativeStatistics", ctx -> respond(ctx, ws -> header(ws,
                "/Workers/CumulativeStatistics", cumulative(ctx, ws).workers(ws.workers.values()))));
        routes.get(WS + "/Workers/Statistics", ctx -> respond(ctx, ws -> {
            Collection<Worker> workers = selectedWorkers(ctx, ws);
            return both(ws, "/Workers/Statistics", Map.of(), realTime(ws).workers(workers),
                    cumulative(ctx, ws).workers(workers));
        }));
        routes.get(WS + "/Workers/{sid}/Statistics", ctx -> respond(ctx, ws -> {
            Worker worker = ws.worker(ctx.pathParam("sid"));
            Map<String, Object> json = header(ws, "/Workers/" + worker.sid + "/Statistics", Map.of("worker_sid", worker.sid));
            json.put("cumulative", cumulative(ctx, ws).worker(worker));
            return json;
        }));
    }

    private void respond(Context ctx, java.util.function.Function<Workspace, Object> body) {
        Respond.json(ctx, world, 200, () -> body.apply(world.workspace(ctx.pathParam("ws"))));
    }

    private Map<String, Object> queueStatistics(Context ctx, Workspace ws, TaskQueue queue, String pathOrNull) {
        Map<String, Object> json = both(ws, pathOrNull, Map.of("task_queue_sid", queue.sid), realTime(ws).queue(queue),
                cumulative(ctx, ws).queue(queue));
        if (pathOrNull == null) {
            json.remove("url"); // list entries carry no url (TaskQueuesStatistics)
        }
        return json;
    }

    /** {@code TaskQueueSid}, {@code TaskQueueName} (workers the queue targets) and {@code FriendlyName} filters. */
    private static Collection<Worker> selectedWorkers(Context ctx, Workspace ws) {
        String queueSid = ctx.queryParam("TaskQueueSid");
        String queueName = ctx.queryParam("TaskQueueName");
        String name = ctx.queryParam("FriendlyName");
        TaskQueue queue = queueSid != null ? ws.queue(queueSid) : queueName == null ? null
                : ws.queues.values().stream().filter(q -> q.friendlyName.equals(queueName)).findFirst()
                        .orElseThrow(() -> dev.lifeline.sim.core.TwilioApiException.notFound("TaskQueue", queueName));
        return ws.workers.values().stream()
                .filter(w -> queue == null || ws.isEligibleFor(queue, w))
                .filter(w -> name == null || w.friendlyName.equals(name))
                .toList();
    }

    private RealTimeStatistics realTime(Workspace ws) {
        return new RealTimeStatistics(ws, world.now());
    }

    private CumulativeStatistics cumulative(Context ctx, Workspace ws) {
        return new CumulativeStatistics(ws, StatisticsQuery.of(ctx, world.now()));
    }

    private Map<String, Object> both(Workspace ws, String path, Map<String, Object> ids, Map<String, Object> realtime,
                                     Map<String, Object> cumulative) {
        Map<String, Object> json = header(ws, path, ids);
        json.put("realtime", realtime);
        json.put("cumulative", cumulative);
        return json;
    }

    private Map<String, Object> header(Workspace ws, String path, Map<String, Object> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", world.context.accountSid);
        json.put("workspace_sid", ws.sid);
        json.putAll(fields);
        json.put("url", path == null ? null : ws.url() + path);
        return json;
    }
}
