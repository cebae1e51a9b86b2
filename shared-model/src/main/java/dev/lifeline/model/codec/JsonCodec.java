package dev.lifeline.model.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The one JSON codec the server and the desktop share, so both read and write the wire contracts the same way.
 *
 * <ul>
 *   <li>Instants and durations are ISO-8601 text ({@code "2026-11-25T21:00:00Z"}, {@code "PT12.5S"}), never numbers;
 *       an instant sent as a number is refused (seconds or milliseconds? nobody can tell).</li>
 *   <li>Unknown members are ignored, at any depth: a newer server may add fields an older desktop does not know.</li>
 *   <li>Everything else is strict: unknown enum values and unknown {@code type}s fail, numbers are not read as
 *       enums, strings are not coerced into numbers or booleans (nor numbers into strings), fractions are not
 *       truncated into whole numbers, a {@code null} or missing primitive fails, and content after the document
 *       fails.</li>
 *   <li>Required fields are enforced by the records' own validation, whose message the codec passes on with the
 *       path in front.</li>
 * </ul>
 * Every failure is a {@link CodecException} naming the field. Thread-safe; use {@link #shared()}.
 */
public final class JsonCodec {

    private static final JsonCodec SHARED = new JsonCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Registered after JavaTimeModule, so it wins for Instant.
            .addModule(new SimpleModule("lifeline-iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A REST body decoded as the concrete command the route expects needs no "type" member.
            .disable(MapperFeature.REQUIRE_TYPE_ID_FOR_SUBTYPES)
            // A number or boolean where a string (a SID, a name) belongs is a broken peer, not something to stringify.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // Only record components are wire members: helpers such as IncidentView.isOpen() are not.
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .build();

    private JsonCodec() {
    }

    /** The codec, configured once for the whole process. */
    public static JsonCodec shared() {
        return SHARED;
    }

    public String encode(Object value) {
        try {
            return writerFor(value).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw encodeFailure(value, e);
        }
    }

    public byte[] encodeToBytes(Object value) {
        try {
            return writerFor(value).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw encodeFailure(value, e);
        }
    }

    /** Reads {@code json} as a {@code type}; for a sealed family pass the interface ({@code ServerEvent.class}). */
    public <T> T decode(String json, Class<T> type) {
        return read(json, mapper.constructType(type));
    }

    /** As {@link #decode(String, Class)} for a generic type, e.g. a framework's {@code java.lang.reflect.Type}. */
    public <T> T decode(String json, Type type) {
        return read(json, mapper.constructType(type));
    }

    /** Reads a UTF-8 JSON document. */
    public <T> T decode(byte[] json, Class<T> type) {
        return read(json == null ? null : new String(json, StandardCharsets.UTF_8), mapper.constructType(type));
    }

    /** Reads a JSON array whose elements are {@code elementType}. */
    public <T> List<T> decodeList(String json, Class<T> elementType) {
        return read(json, mapper.getTypeFactory().constructCollectionType(List.class, elementType));
    }

    /**
     * Jackson writes the {@code type} member of an element only when the list's element type is the sealed
     * interface; a plain {@code List<Object>} would lose it. So a collection whose elements all belong to one
     * family ({@code ServerEvent}, {@code ClientCommand}) is written as a collection of that family.
     */
    private ObjectWriter writerFor(Object value) {
        if (value instanceof Collection<?> values && !values.isEmpty() && values.iterator().next() != null) {
            Class<?> family = familyOf(values.iterator().next().getClass());
            if (family != null && values.stream().allMatch(family::isInstance)) {
                return mapper.writerFor(mapper.getTypeFactory().constructCollectionType(Collection.class, family));
            }
        }
        return mapper.writer();
    }

    private static Class<?> familyOf(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            if (parent.isAnnotationPresent(JsonSubTypes.class)) {
                return parent;
            }
        }
        return null;
    }

    private <T> T read(String json, JavaType type) {
        if (json == null || json.isBlank()) {
            throw new CodecException("", "malformed JSON: the document is empty", null);
        }
        // The parser is ours (not closed by Jackson) so that after a failure it still points at the offending
        // token, which is what lets the message say what was found ("the string \"two\"").
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                // A contract is never the JSON literal null; returning null would only move the failure elsewhere.
                throw new CodecException("", "expected " + (type.isCollectionLikeType() ? "an array" : "an object")
                        + " but got null", null);
            }
            T value = mapper.readValue(parser, type);
            if (parser.nextToken() != null) {
                throw DecodeFailures.trailingContent(parser);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw DecodeFailures.describe(e, parser);
        } finally {
            closeQuietly(parser);
        }
    }

    private static CodecException encodeFailure(Object value, JsonProcessingException e) {
        String what = value == null ? "null" : value.getClass().getSimpleName();
        return new CodecException("", "could not encode " + what + " as JSON", e);
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException ignored) {
            // Reading from a String: closing cannot fail in a way that matters.
        }
    }
}
