package dev.lifeline.server.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two workflow configurations the recovery depends on (seed spec §5), as TaskRouter JSON.
 * Both known-worker steps have no {@code skip_if} ("Do not skip"): the reconnect task must really enter
 * the queue — firing {@code task-queue.entered}, on which the dropped agent's wrapping reservation is
 * completed — while that agent still has no free voice capacity.
 */
final class WorkflowConfigurations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkflowConfigurations() {
    }

    /** "Recovery Ping": offer the ping to the disconnected worker only. */
    static String recoveryPing(String pingQueueSid) {
        ObjectNode target = JSON.createObjectNode()
                .put("queue", pingQueueSid)
                .put("known_worker_sid", "task.disconnectedWorkerSid");
        return configuration(filter("Ping Disconnected Agent", "disconnectedWorkerSid != null", target), pingQueueSid);
    }

    /**
     * The voice workflow: "Direct to an Agent" sends a reconnect to its target worker for
     * {@code reconnectStepTimeoutSeconds}, then falls through to everyone.
     */
    static String voice(String voiceQueueSid, int reconnectStepTimeoutSeconds) {
        ObjectNode target = JSON.createObjectNode()
                .put("queue", voiceQueueSid)
                .put("known_worker_sid", "task.targetWorkerSid")
                .put("timeout", reconnectStepTimeoutSeconds);
        ObjectNode everyone = JSON.createObjectNode().put("queue", voiceQueueSid);
        ObjectNode direct = filter("Direct to an Agent", "targetWorkerSid != null", target);
        ((ArrayNode) direct.get("targets")).add(everyone);
        return configuration(direct, voiceQueueSid);
    }

    private static ObjectNode filter(String name, String expression, ObjectNode target) {
        ObjectNode filter = JSON.createObjectNode().put("filter_friendly_name", name).put("expression", expression);
        filter.putArray("targets").add(target);
        return filter;
    }

    private static String configuration(ObjectNode filter, String defaultQueueSid) {
        ObjectNode routing = JSON.createObjectNode();
        routing.putArray("filters").add(filter);
        routing.putObject("default_filter").put("queue", defaultQueueSid);
        ObjectNode root = JSON.createObjectNode();
        root.set("task_routing", routing);
        return root.toString();
    }
}
