package dev.lifeline.sim.taskrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workflow's parsed {@code Configuration}: {@code task_routing.filters[]} tried in order against the task's
 * attributes, each with {@code targets[]} (steps) tried in order, and {@code default_filter.queue} for tasks
 * no filter matches.
 */
record WorkflowConfiguration(List<Filter> filters, String defaultQueueSid) {

    record Filter(String friendlyName, RoutingExpression expression, List<Target> targets) {
    }

    /**
     * One routing step.
     *
     * @param knownWorkerSid  a task-attribute reference such as {@code task.disconnectedWorkerSid}, or null
     * @param knownWorkerName the same for {@code known_worker_friendly_name}
     * @param skipIf          null means "Do not skip": the task waits in this target even with nobody available
     */
    record Target(String queueSid, RoutingExpression expression, Integer priority, Integer timeout,
                  RoutingExpression skipIf, String orderBy, String knownWorkerSid, String knownWorkerName) {
    }

    /** @throws TwilioApiException 400 naming the problem: bad JSON, unknown queue SID, invalid expression */
    static WorkflowConfiguration parse(ObjectMapper mapper, String json, Map<String, TaskQueue> queues) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("Invalid JSON in Configuration: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw TwilioApiException.badRequest("Invalid Configuration: expected a JSON object");
        }
        JsonNode routing = root.path("task_routing");
        if (!routing.isObject()) {
            throw TwilioApiException.badRequest("Invalid Configuration: task_routing is required");
        }
        List<Filter> filters = new ArrayList<>();
        JsonNode filterNodes = routing.path("filters");
        if (!filterNodes.isMissingNode() && !filterNodes.isArray()) {
            throw TwilioApiException.badRequest("Invalid Configuration: task_routing.filters must be an array");
        }
        for (JsonNode filter : filterNodes) {
            String name = filter.path("filter_friendly_name").asText(filter.path("friendly_name").asText(null));
            RoutingExpression expression = RoutingExpression.compile(text(filter, "expression"), "filter");
            List<Target> targets = new ArrayList<>();
            for (JsonNode target : filter.path("targets")) {
                targets.add(target(target, queues));
            }
            if (targets.isEmpty()) {
                throw TwilioApiException.badRequest("Invalid Configuration: filter '" + name + "' has no targets");
            }
            filters.add(new Filter(name, expression, List.copyOf(targets)));
        }
        String defaultQueue = text(routing.path("default_filter"), "queue");
        if (defaultQueue != null) {
            requireQueue(defaultQueue, queues);
        }
        return new WorkflowConfiguration(List.copyOf(filters), defaultQueue);
    }

    private static Target target(JsonNode node, Map<String, TaskQueue> queues) {
        String queue = text(node, "queue");
        if (queue == null) {
            throw TwilioApiException.badRequest("Invalid Configuration: every target needs a queue");
        }
        requireQueue(queue, queues);
        String expression = text(node, "expression");
        String skipIf = text(node, "skip_if");
        return new Target(queue,
                expression == null ? null : RoutingExpression.compile(expression, "target"),
                integer(node, "priority"),
                integer(node, "timeout"),
                skipIf == null ? null : RoutingExpression.compile(skipIf, "skip_if"),
                text(node, "order_by"),
                text(node, "known_worker_sid"),
                text(node, "known_worker_friendly_name"));
    }

    private static void requireQueue(String queueSid, Map<String, TaskQueue> queues) {
        if (!queues.containsKey(queueSid)) {
            throw TwilioApiException.badRequest("Invalid Configuration: unknown TaskQueue " + queueSid);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() && !(value.isTextual() && value.asText().matches("-?\\d{1,9}"))) {
            throw TwilioApiException.badRequest("Invalid Configuration: target " + field + " must be a number");
        }
        return value.isTextual() ? Integer.parseInt(value.asText()) : value.asInt();
    }
}
