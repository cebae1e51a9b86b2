package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.router.JavalinDefaultRoutingApi;

/** TaskRouter: workspaces' activities, workers, queues, workflows, tasks, reservations; Event Streams. (skeleton) */
public final class TaskRouterEmulator implements CallQueue {

    private final SimContext context;
    private ConferenceSwitch conferenceSwitch;

    public TaskRouterEmulator(SimContext context) {
        this.context = context;
    }

    public void connect(ConferenceSwitch conferenceSwitch) {
        this.conferenceSwitch = conferenceSwitch;
    }

    public void routes(JavalinDefaultRoutingApi routes) {
    }

    @Override
    public String enqueue(String callSid, String workflowSid, String attributesJson, Integer priority, Integer timeoutSeconds) {
        throw new TwilioApiException(400, 20001, "enqueue not supported yet");
    }

    @Override
    public void callLeftQueue(String callSid, String reason) {
    }
}
