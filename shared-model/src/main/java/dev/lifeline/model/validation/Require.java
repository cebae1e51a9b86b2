package dev.lifeline.model.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks used by the compact constructors of the wire records.
 *
 * <p>Every message starts with the field name and a colon ({@code "reservationSid: missing required field"}):
 * {@code JsonCodec} prefixes it with the path of the enclosing object, so a bad element deep inside an event
 * reads {@code "reservations[0].reservationSid: missing required field"}.
 */
public final class Require {

    public static final String MISSING = "missing required field";

    private Require() {
    }

    /** A value that must be present. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": " + MISSING);
        }
        return value;
    }

    /** A string that must be present and not blank (SIDs, names, tokens). */
    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value;
    }

    /** An optional string: {@code null} stays {@code null}, but a present value must not be blank. */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(value, field);
    }

    public static int atLeast(int value, int minimum, String field) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + ": must be at least " + minimum + " but was " + value);
        }
        return value;
    }

    public static long atLeast(long value, long minimum, String field) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + ": must be at least " + minimum + " but was " + value);
        }
        return value;
    }

    /**
     * An immutable copy of a list; a missing list is an empty one (an older peer may not send it),
     * but a {@code null} element is a broken message.
     */
    public static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + MISSING);
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * An immutable, order-preserving copy of a map; a missing map is an empty one. Values may be {@code null}
     * only when {@code nullValuesAllowed} (free-form JSON such as task attributes).
     */
    public static <K, V> Map<K, V> mapOf(Map<K, V> values, String field, boolean nullValuesAllowed) {
        if (values == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null) {
                throw new IllegalArgumentException(field + ": must not contain a null key");
            }
            if (value == null && !nullValuesAllowed) {
                throw new IllegalArgumentException(field + "." + key + ": " + MISSING);
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
