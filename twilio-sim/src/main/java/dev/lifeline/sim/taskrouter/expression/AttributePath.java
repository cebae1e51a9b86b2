package dev.lifeline.sim.taskrouter.expression;

import java.util.List;
import java.util.Map;

/**
 * A JSON key reference such as {@code routing.skills}, {@code task.language} or {@code object.array[2]}.
 *
 * <p>TaskRouter resolves keys with dot notation for sub-properties and square brackets for (0-based) array
 * indices; a key the document does not contain resolves to NULL (Twilio "Using TaskRouter Expressions").
 *
 * @param scope    which document the path resolves against
 * @param segments {@code String} keys and {@code Integer} indices, after the scope prefix
 */
record AttributePath(Scope scope, List<Object> segments) {

    /** The {@code task.} and {@code worker.} prefixes of workflow target expressions select a document. */
    enum Scope { BARE, TASK, WORKER }

    AttributePath {
        segments = List.copyOf(segments);
    }

    /** Builds a path from its raw segments, peeling a leading {@code task}/{@code worker} prefix off. */
    static AttributePath of(List<Object> rawSegments) {
        if (rawSegments.size() > 1 && rawSegments.get(0) instanceof String first) {
            if (first.equals("task")) {
                return new AttributePath(Scope.TASK, rawSegments.subList(1, rawSegments.size()));
            }
            if (first.equals("worker")) {
                return new AttributePath(Scope.WORKER, rawSegments.subList(1, rawSegments.size()));
            }
        }
        return new AttributePath(Scope.BARE, rawSegments);
    }

    /** The value at this path, or {@code null} when any step is missing or of the wrong shape. */
    Object resolve(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
        Object current = switch (scope) {
            case BARE -> bare;
            case TASK -> task;
            case WORKER -> worker;
        };
        for (Object segment : segments) {
            if (segment instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (segment instanceof Integer index && current instanceof List<?> list) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}
