package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.core.TwilioDates;
import dev.lifeline.sim.events.EventStreams;
import dev.lifeline.sim.events.EventStreamsRoutes;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TaskRouter ({@code /v1/Workspaces/…}: activities, task channels, workers and their channels, queues,
 * workflows, tasks, reservations, statistics) and Event Streams ({@code /v1/Sinks}, {@code /v1/Subscriptions}).
 * Implements {@link CallQueue} for TwiML {@code <Enqueue>}; carries out conference instructions through the
 * voice side's {@link ConferenceSwitch}.
 */
public final class TaskRouterEmulator implements CallQueue {

    private final SimContext context;
    private final EventStreams eventStreams;
    private final TaskRouterWorld world;
    private final TaskRouterJson json;
    private final ConferenceInstructions conferences;

    public TaskRouterEmulator(SimContext context) {
        this.context = context;
        this.eventStreams = new EventStreams(context);
        this.world = new TaskRouterWorld(context, eventStreams);
        this.json = new TaskRouterJson(context.accountSid);
        this.conferences = new ConferenceInstructions(world);
    }

    public void connect(ConferenceSwitch conferenceSwitch) {
        conferences.connect(conferenceSwitch);
    }

    public EventStreams eventStreams() {
        return eventStreams;
    }

    public void routes(JavalinDefaultRoutingApi routes) {
        ReservationUpdate reservationUpdate = new ReservationUpdate(world, conferences);
        // First: /Workers/Statistics and /TaskQueues/Statistics must not be taken for a worker or queue SID.
        new StatisticsRoutes(world).register(routes);
        new WorkspaceRoutes(world, json).register(routes);
        new WorkerRoutes(world, json, reservationUpdate).register(routes);
        new QueueRoutes(world, json).register(routes);
        new WorkflowRoutes(world, json).register(routes);
        new TaskRoutes(world, json, reservationUpdate).register(routes);
        new EventStreamsRoutes(eventStreams).register(routes);
    }

    /**
     * TwiML {@code <Enqueue workflowSid><Task priority timeout>json</Task></Enqueue>}: a {@code voice} task whose
     * attributes are the call's parameters with the {@code <Task>} JSON on top. The workspace is the workflow's.
     */
    @Override
    public String enqueue(Map<String, Object> callAttributes, String workflowSid, String attributesJson, Integer priority,
                          Integer timeoutSeconds) {
        if (!(callAttributes.get("call_sid") instanceof String)) {
            throw new IllegalArgumentException("callAttributes must name the call_sid");
        }
        return world.inWorld(() -> {
            Workspace ws = world.workspaces.values().stream()
                    .filter(w -> w.workflows.containsKey(workflowSid)).findFirst()
                    .orElseThrow(() -> TwilioApiException.badRequest("Enqueue: unknown workflowSid " + workflowSid));
            Map<String, Object> attributes = new LinkedHashMap<>(callAttributes);
            attributes.putAll(Attributes.parse(context.json,
                    attributesJson == null || attributesJson.isBlank() ? "{}" : attributesJson, "<Task> attributes"));
            return world.createTask(ws, workflowSid, Attributes.write(context.json, attributes), priority,
                    timeoutSeconds, "voice").sid;
        });
    }

    /** The caller hung up (or left {@code <Enqueue>}) before a worker took the call: the waiting task is canceled. */
    @Override
    public void callLeftQueue(String callSid, String reason) {
        world.inWorld(() -> {
            for (Workspace ws : world.workspaces.values()) {
                ws.tasks.values().stream()
                        .filter(t -> t.status.isWaiting() && callSid.equals(t.attributes.get("call_sid")))
                        .toList()
                        .forEach(t -> world.lifecycle.cancel(ws, t, reason == null ? "hangup" : reason));
            }
            return null;
        });
    }

    /**
     * The whole TaskRouter world for the scenario API ({@code /sim/world}): per workspace, workers with activity and
     * capacity use, tasks with status/priority/attributes/queue/age, reservations with status; plus Event Streams sinks.
     */
    public Map<String, Object> snapshot() {
        return world.inWorld(() -> {
            List<Map<String, Object>> workspaces = new ArrayList<>();
            for (Workspace ws : world.workspaces.values()) {
                workspaces.add(WorldSnapshot.of(ws, world.now()));
            }
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("time", TwilioDates.iso(world.now()));
            snapshot.put("workspaces", workspaces);
            snapshot.put("event_streams", eventStreams.snapshot());
            return snapshot;
        });
    }
}
