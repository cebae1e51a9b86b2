package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.events.EventStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TaskRouter's state and its one way in: {@link #inWorld} runs an action under the world lock, then lets
 * routing offer any freed capacity and sends the events the action raised. Requests, timers and the voice
 * side's callbacks all go through it, so no change is ever left un-routed or its events unsent.
 */
final class TaskRouterWorld {

    private static final Logger log = LoggerFactory.getLogger(TaskRouterWorld.class);

    final SimContext context;
    final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    final TaskRouterEvents events;
    final WorldTimers timers;
    final RoutingEngine routing;
    final TaskLifecycle lifecycle;
    private int depth;

    TaskRouterWorld(SimContext context, EventStreams streams) {
        this.context = context;
        this.events = new TaskRouterEvents(context, streams);
        this.timers = new WorldTimers(context.clock, action -> inWorld(() -> {
            action.run();
            return null;
        }));
        this.routing = new RoutingEngine(context.clock, events, timers);
        this.lifecycle = new TaskLifecycle(context.clock, events);
        routing.lifecycle(lifecycle);
    }

    <T> T inWorld(Supplier<T> action) {
        synchronized (context.world) {
            depth++;
            try {
                T result = action.get();
                if (depth == 1) {
                    settle();
                }
                return result;
            } catch (RuntimeException e) {
                if (depth == 1) {
                    settleQuietly();
                }
                throw e;
            } finally {
                depth--;
            }
        }
    }

    Workspace workspace(String sid) {
        Workspace ws = sid == null ? null : workspaces.get(sid);
        if (ws == null) {
            throw TwilioApiException.notFound("Workspace", sid);
        }
        return ws;
    }

    Instant now() {
        return context.clock.now();
    }

    /**
     * Creates a task and routes it: TTL timer, workflow placement, then the events {@code task.created},
     * {@code workflow.target-matched} and {@code task-queue.entered}.
     */
    Task createTask(Workspace ws, String workflowSid, String attributesJson, Integer priority, Integer ttl,
                    String channel) {
        Workflow workflow = ws.workflow(workflowSid);
        Map<String, Object> attributes = Attributes.parse(context.json, attributesJson, "Attributes");
        TaskChannel taskChannel = channel == null ? ws.channelNamed("default") : ws.channel(channel);
        int timeout = ttl == null ? Task.DEFAULT_TTL_SECONDS : ttl;
        if (timeout < 1 || timeout > 1_209_600) {
            throw TwilioApiException.badRequest("Timeout must be between 1 and 1209600 seconds, got " + timeout);
        }
        Task task = new Task(Sids.next("WT"), workflow.sid, attributesJson, attributes, priority == null ? 0 : priority,
                timeout, taskChannel.sid, now(), ws.nextArrival());
        ws.tasks.put(task.sid, task);
        task.ttlTimer = timers.schedule(Duration.ofSeconds(timeout), () -> lifecycle.ttlExpired(ws, task));
        events.task(ws, "task.created", task);
        routing.place(ws, task);
        return task;
    }

    private void settle() {
        workspaces.values().forEach(routing::dispatch);
        events.flush();
    }

    private void settleQuietly() {
        try {
            settle();
        } catch (RuntimeException e) {
            log.warn("settling TaskRouter after a failed action failed", e);
        }
    }
}
