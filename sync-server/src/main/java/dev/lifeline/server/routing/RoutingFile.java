package dev.lifeline.server.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a routing file (JSON):
 * <pre>{@code
 * {"version": 1,
 *  "queues": [{"name": "Sales", "targetWorkers": "routing.skills HAS 'sales'"}],
 *  "filters": [{"name": "Sales", "expression": "skill == 'sales'",
 *               "steps": [{"queue": "Sales", "timeout": 60},
 *                         {"queue": "Sales", "priority": 10, "timeout": 120},
 *                         {"queue": "Everyone", "priority": 20}]}]}
 * }</pre>
 * A step's queue is one of {@code queues} or {@code Everyone} (Lifeline's own). Anything else is refused with a message
 * that names the item.
 */
public final class RoutingFile {

    /** Lifeline's own queue, always there: a step may overflow to it. */
    public static final String EVERYONE = "Everyone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutingFile() {
    }

    /** @throws IllegalArgumentException with one line saying what is wrong and where */
    public static RoutingPlan load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        return parse(root, file.toString());
    }

    static RoutingPlan parse(JsonNode root, String where) {
        int version = root.path("version").asInt(-1);
        if (version != RoutingPlan.VERSION) {
            throw new IllegalArgumentException(where + ": \"version\" must be " + RoutingPlan.VERSION + ", got "
                    + root.path("version"));
        }
        List<RoutingPlan.Queue> queues = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(EVERYONE));
        for (JsonNode queue : array(root, "queues", where)) {
            String name = text(queue, "name", where + ": queues[]");
            String workers = text(queue, "targetWorkers", where + ": queue '" + name + "'");
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": queue '" + name + "' is named twice (or is Everyone)");
            }
            queues.add(new RoutingPlan.Queue(name, workers));
        }
        List<RoutingPlan.Filter> filters = new ArrayList<>();
        Set<String> filterNames = new HashSet<>();
        for (JsonNode filter : array(root, "filters", where)) {
            String name = text(filter, "name", where + ": filters[]");
            String at = where + ": filter '" + name + "'";
            if (!filterNames.add(name)) {
                throw new IllegalArgumentException(at + " is named twice");
            }
            String expression = text(filter, "expression", at);
            List<RoutingPlan.Step> steps = new ArrayList<>();
            for (JsonNode step : array(filter, "steps", at)) {
                String queue = text(step, "queue", at + ": steps[]");
                if (!names.contains(queue)) {
                    throw new IllegalArgumentException(at + ": step queue '" + queue + "' is not one of the queues");
                }
                steps.add(new RoutingPlan.Step(queue, number(step, "priority", 0, Integer.MAX_VALUE, at),
                        number(step, "timeout", 1, 86_400, at)));
            }
            if (steps.isEmpty()) {
                throw new IllegalArgumentException(at + " has no steps");
            }
            for (int i = 0; i < steps.size() - 1; i++) {
                if (steps.get(i).timeoutSeconds() == null) {
                    throw new IllegalArgumentException(at + ": step " + (i + 1)
                            + " needs a timeout (a caller never leaves it, so the steps after it never run)");
                }
            }
            filters.add(new RoutingPlan.Filter(name, expression, steps));
        }
        return new RoutingPlan(version, queues, filters);
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be an array");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asText().trim();
    }

    private static Integer number(JsonNode node, String field, int min, int max, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a whole number from " + min + " to "
                    + max + ", got " + value);
        }
        return value.asInt();
    }
}
