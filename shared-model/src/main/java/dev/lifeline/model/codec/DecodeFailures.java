package dev.lifeline.model.codec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns Jackson's decoding exceptions into {@link CodecException}s that name the field and the problem in plain
 * words. Jackson's own messages mention Java types and feature flags, which mean nothing to the person reading a
 * 400 or a desktop log, so none of them is passed on.
 */
final class DecodeFailures {

    private static final int MAX_ECHOED_TEXT = 60;

    private DecodeFailures() {
    }

    /** {@code parser} is the parser that failed, still positioned at the offending token; may be {@code null}. */
    static CodecException describe(Exception e, JsonParser parser) {
        if (e instanceof CodecException codecException) {
            return codecException;
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return unknownType(typeId);
        }
        if (e instanceof ValueInstantiationException invalid) {
            return rejectedByRecord(invalid);
        }
        if (e instanceof InvalidFormatException format) {
            return invalidValue(format);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch, parser);
        }
        if (e instanceof StreamReadException malformed) {
            return malformed(malformed);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException malformed) {
            return malformed(malformed);
        }
        if (e instanceof JsonMappingException mapping) {
            return new CodecException(path(mapping), "invalid value", e);
        }
        return new CodecException("", "could not read the JSON document", e);
    }

    static CodecException trailingContent(JsonParser parser) {
        return new CodecException("", "malformed JSON: unexpected content after the document" + at(parser.currentTokenLocation()),
                null);
    }

    private static CodecException malformed(StreamReadException e) {
        String reason = e instanceof JsonEOFException ? "malformed JSON: the document ends too early" : "malformed JSON";
        return new CodecException("", reason + at(e.getLocation()), e);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A compact constructor refused the value; its message already reads {@code "field: problem"}. */
    private static CodecException rejectedByRecord(ValueInstantiationException e) {
        Throwable cause = e.getCause();
        String owner = path(e);
        if (!(cause instanceof IllegalArgumentException) || cause.getMessage() == null) {
            return new CodecException(owner, "invalid value", e);
        }
        String message = cause.getMessage();
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return new CodecException(owner, message, e);
        }
        return new CodecException(join(owner, message.substring(0, colon)), message.substring(colon + 2), e);
    }

    private static CodecException unknownType(InvalidTypeIdException e) {
        String where = join(path(e), "type");
        String typeId = e.getTypeId();
        if (typeId == null) {
            return new CodecException(where, "missing required field", e);
        }
        Class<?> family = familyOf(e.getBaseType() == null ? null : e.getBaseType().getRawClass());
        List<String> known = family == null ? List.of() : subtypeNames(family);
        String kind = family == null ? "type" : lastWord(family.getSimpleName()) + " type";
        String reason = known.contains(typeId)
                ? "a " + kind + " \"" + typeId + "\" is not allowed here"
                : "unknown " + kind + " " + quote(typeId) + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
        return new CodecException(where, reason, e);
    }

    private static CodecException invalidValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        Object value = e.getValue();
        String found = value instanceof String text ? "the string " + quote(text) : "the value " + value;
        if (target != null && target.isEnum()) {
            return new CodecException(path(e), "unknown value " + (value instanceof String text ? quote(text) : value)
                    + " (expected one of: " + String.join(", ", enumWireNames(target)) + ")", e);
        }
        if (value instanceof Number number) {
            boolean integral = target != null && (target == int.class || target == long.class || target == short.class
                    || target == Integer.class || target == Long.class || target == Short.class);
            return new CodecException(path(e), "expected " + (integral ? "a whole number" : expected(target))
                    + " but got the number " + number, e);
        }
        return new CodecException(path(e), "expected " + expected(target) + " but got " + found, e);
    }

    private static CodecException wrongShape(MismatchedInputException e, JsonParser parser) {
        JsonToken token = parser == null ? null : parser.currentToken();
        List<JsonMappingException.Reference> refs = e.getPath();
        boolean atField = !refs.isEmpty() && refs.get(refs.size() - 1).getFieldName() != null;
        // A missing primitive (FAIL_ON_NULL_FOR_PRIMITIVES) is only noticed when the object closes.
        if (atField && (token == JsonToken.END_OBJECT || token == null)) {
            return new CodecException(path(e), "missing required field", e);
        }
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return new CodecException(path(e), "expected one of: " + String.join(", ", enumWireNames(target))
                    + " but got " + found(token, parser), e);
        }
        return new CodecException(path(e), "expected " + expected(target) + " but got " + found(token, parser), e);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "a different value";
        }
        if (target.isPrimitive() ? target != boolean.class && target != char.class : Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
            return "a string";
        }
        if (target == Duration.class) {
            return "an ISO-8601 duration (like PT30S)";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "an ISO-8601 instant (like 2026-11-25T21:00:00Z)";
        }
        if (target.isEnum()) {
            return "one of: " + String.join(", ", enumWireNames(target));
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object";
    }

    private static String found(JsonToken token, JsonParser parser) {
        if (token == null) {
            return "nothing";
        }
        try {
            return switch (token) {
                case VALUE_STRING -> "the string " + quote(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY, END_ARRAY -> "an array";
                default -> "something else";
            };
        } catch (IOException unreadable) {
            return "an unreadable value";
        }
    }

    /** {@code reservations[0].status}, from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String owner, String field) {
        if (owner.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? owner + field : owner + "." + field;
    }

    /** The sealed family ({@code ClientCommand}, {@code ServerEvent}) a class belongs to: the one carrying the subtype names. */
    private static Class<?> familyOf(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isAnnotationPresent(JsonSubTypes.class)) {
            return type;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Class<?> family = familyOf(parent);
            if (family != null) {
                return family;
            }
        }
        return familyOf(type.getSuperclass());
    }

    private static List<String> subtypeNames(Class<?> family) {
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type type : family.getAnnotation(JsonSubTypes.class).value()) {
            names.add(type.name());
        }
        return names;
    }

    /** "ClientCommand" → "command", "ServerEvent" → "event". */
    private static String lastWord(String camelCase) {
        int start = 0;
        for (int i = 1; i < camelCase.length(); i++) {
            if (Character.isUpperCase(camelCase.charAt(i))) {
                start = i;
            }
        }
        return camelCase.substring(start).toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> enumWireNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = enumType.getField(name).getAnnotation(JsonProperty.class);
                names.add(property != null && !property.value().isEmpty() ? property.value() : name);
            } catch (NoSuchFieldException impossible) {
                names.add(name);
            }
        }
        return names;
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_ECHOED_TEXT ? text.substring(0, MAX_ECHOED_TEXT) + "…" : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
