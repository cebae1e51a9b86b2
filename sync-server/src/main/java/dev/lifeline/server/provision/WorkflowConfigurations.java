package dev.lifeline.server.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The two workflow configurations the recovery depends on (seed spec §5), as TaskRouter JSON, and how Lifeline's
 * filters go into a workflow that already routes by hand.
 * Both known-worker steps have no {@code skip_if} ("Do not skip"): the reconnect task must really enter
 * the queue — firing {@code task-queue.entered}, on which the dropped agent's wrapping reservation is
 * completed — while that agent still has no free voice capacity.
 */
final class WorkflowConfigurations {

    /** Lifeline's own filters are the ones whose {@code filter_friendly_name} starts with this; no other is touched. */
    static final String FILTER_PREFIX = "Lifeline: ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkflowConfigurations() {
    }

    /** "Recovery Ping": offer the ping to the disconnected worker only. */
    static String recoveryPing(String pingQueueSid) {
        return configuration(recoveryPingFilter(pingQueueSid), pingQueueSid);
    }

    static ObjectNode recoveryPingFilter(String pingQueueSid) {
        ObjectNode target = JSON.createObjectNode()
                .put("queue", pingQueueSid)
                .put("known_worker_sid", "task.disconnectedWorkerSid");
        return filter(FILTER_PREFIX + "Ping Disconnected Agent", "disconnectedWorkerSid != null", target);
    }

    /**
     * The voice workflow: "Direct to an Agent" sends a reconnect to its target worker for
     * {@code reconnectStepTimeoutSeconds}, then falls through to everyone.
     */
    static String voice(String voiceQueueSid, int reconnectStepTimeoutSeconds) {
        return configuration(directToAgentFilter(voiceQueueSid, reconnectStepTimeoutSeconds), voiceQueueSid);
    }

    static ObjectNode directToAgentFilter(String voiceQueueSid, int reconnectStepTimeoutSeconds) {
        ObjectNode target = JSON.createObjectNode()
                .put("queue", voiceQueueSid)
                .put("known_worker_sid", "task.targetWorkerSid")
                .put("timeout", reconnectStepTimeoutSeconds);
        ObjectNode everyone = JSON.createObjectNode().put("queue", voiceQueueSid);
        ObjectNode direct = filter(FILTER_PREFIX + "Direct to an Agent", "targetWorkerSid != null", target);
        ((ArrayNode) direct.get("targets")).add(everyone);
        return direct;
    }

    /**
     * {@code existing} with Lifeline's {@code filter} first (TaskRouter takes the first filter that matches, and a
     * reconnect must reach its agent whatever else matches it) and every other filter, the default filter and any other
     * key kept as they were. Empty when {@code existing} already is that; a configuration that cannot be read is
     * replaced (it routes nothing as it is).
     */
    static Optional<String> withLifelineFilter(String existing, ObjectNode filter, String defaultQueueSid) {
        return withLifelineFilters(existing, java.util.List.of(filter), defaultQueueSid);
    }

    /** As {@link #withLifelineFilter}, with several Lifeline filters first, in the order given. */
    static Optional<String> withLifelineFilters(String existing, java.util.List<ObjectNode> lifelineFilters,
                                                String defaultQueueSid) {
        ObjectNode root = parse(existing);
        ObjectNode before = root.deepCopy();
        ObjectNode routing = root.path("task_routing") instanceof ObjectNode node ? node : root.putObject("task_routing");
        ArrayNode merged = JSON.createArrayNode().addAll(lifelineFilters);
        if (routing.path("filters") instanceof ArrayNode filters) {
            for (JsonNode other : filters) {
                if (!other.path("filter_friendly_name").asText("").startsWith(FILTER_PREFIX)) {
                    merged.add(other);
                }
            }
        }
        routing.set("filters", merged);
        if (!routing.has("default_filter")) {
            routing.putObject("default_filter").put("queue", defaultQueueSid);
        }
        return root.equals(before) ? Optional.empty() : Optional.of(root.toString());
    }

    /**
     * The routing file's filters (issue 19), each after its twin for a recovery's requeued caller: the twin matches
     * the same tasks carrying {@code lifelineIncident} and goes through the same queues without setting a priority, so
     * the requeued caller keeps the top priority the recovery gave it (a step's priority would replace it).
     *
     * @param queueSidByName every queue a step names, {@code Everyone} included
     */
    static java.util.List<ObjectNode> routingFilters(dev.lifeline.server.routing.RoutingPlan plan,
                                                     java.util.Map<String, String> queueSidByName) {
        java.util.List<ObjectNode> filters = new java.util.ArrayList<>();
        for (var filter : plan.filters()) {
            ObjectNode requeued = JSON.createObjectNode()
                    .put("filter_friendly_name", FILTER_PREFIX + filter.name() + " (requeued by a recovery)")
                    .put("expression", "lifelineIncident != null AND (" + filter.expression() + ")");
            ObjectNode routed = JSON.createObjectNode().put("filter_friendly_name", FILTER_PREFIX + filter.name())
                    .put("expression", filter.expression());
            ArrayNode requeuedTargets = requeued.putArray("targets");
            ArrayNode routedTargets = routed.putArray("targets");
            for (var step : filter.steps()) {
                ObjectNode target = JSON.createObjectNode().put("queue", queueSidByName.get(step.queue()));
                if (step.timeoutSeconds() != null) {
                    target.put("timeout", step.timeoutSeconds());
                }
                requeuedTargets.add(target.deepCopy());
                if (step.priority() != null) {
                    target.put("priority", step.priority());
                }
                routedTargets.add(target);
            }
            filters.add(requeued);
            filters.add(routed);
        }
        return filters;
    }

    private static ObjectNode parse(String configuration) {
        try {
            return configuration != null && JSON.readTree(configuration) instanceof ObjectNode node ? node
                    : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
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
