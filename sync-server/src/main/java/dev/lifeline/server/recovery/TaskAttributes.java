package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deeply immutable JSON object: TaskRouter task attributes as they were read or as a patch to merge.
 * Values are {@link String}, {@link Number}, {@link Boolean}, nested {@code Map<String, Object>} and
 * {@code List<Object>}. JSON {@code null}s are dropped on the way in: TaskRouter treats a missing key and
 * a null one alike, and the JDK's immutable collections refuse nulls.
 */
public record TaskAttributes(Map<String, Object> values) implements Serializable {

    private static final TaskAttributes EMPTY = new TaskAttributes(Map.of());

    public TaskAttributes {
        values = immutableObject(Objects.requireNonNull(values, "values"));
    }

    public static TaskAttributes empty() {
        return EMPTY;
    }

    public static TaskAttributes of(Map<String, ?> values) {
        return new TaskAttributes(new LinkedHashMap<>(values));
    }

    public TaskAttributes with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new TaskAttributes(copy);
    }

    public TaskAttributes without(String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        for (String key : keys) {
            copy.remove(key);
        }
        return new TaskAttributes(copy);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** A whole number stored as a JSON number or as its decimal text (both occur in task attributes). */
    public Optional<Long> number(String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The nested object at {@code key}, or an empty one when absent or not an object. */
    @SuppressWarnings("unchecked")
    public TaskAttributes object(String key) {
        Object value = values.get(key);
        return value instanceof Map<?, ?> map ? new TaskAttributes((Map<String, Object>) map) : EMPTY;
    }

    /**
     * JSON merge of {@code patch} onto these attributes: nested objects are merged key by key, anything
     * else in the patch replaces. This is what the gateway applies to the freshly fetched attributes before
     * a conditional (If-Match) write, so keys written by others since (e.g. {@code conversations.*},
     * {@code followed_by}) survive (seed §8.3).
     */
    @SuppressWarnings("unchecked")
    public TaskAttributes mergedWith(TaskAttributes patch) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        patch.values.forEach((key, patchValue) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentMap && patchValue instanceof Map<?, ?> patchMap) {
                merged.put(key, new TaskAttributes((Map<String, Object>) currentMap)
                        .mergedWith(new TaskAttributes((Map<String, Object>) patchMap)).values);
            } else {
                merged.put(key, patchValue);
            }
        });
        return new TaskAttributes(merged);
    }

    private static Map<String, Object> immutableObject(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(String.valueOf(key), immutableValue(value));
            }
        });
        return Map.copyOf(copy);
    }

    private static Object immutableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return immutableObject(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                if (element != null) {
                    copy.add(immutableValue(element));
                }
            }
            return List.copyOf(copy);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof TaskAttributes nested) {
            return nested.values;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
