package dev.lifeline.sim.taskrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Task and worker {@code Attributes}: a JSON object sent and returned as a string. */
final class Attributes {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Attributes() {
    }

    /** @throws TwilioApiException 400 naming the parameter when {@code json} is not a JSON object */
    static Map<String, Object> parse(ObjectMapper mapper, String json, String parameter) {
        try {
            Map<String, Object> parsed = mapper.readValue(json, MAP);
            if (parsed == null) {
                throw TwilioApiException.badRequest("Invalid JSON in " + parameter + ": expected an object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("Invalid JSON in " + parameter + ": " + e.getOriginalMessage());
        }
    }

    static String write(ObjectMapper mapper, Map<String, Object> attributes) {
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes are plain JSON values", e);
        }
    }

    /** Resolves {@code a.b.c} inside nested maps; null when any step is missing. */
    static Object path(Map<String, Object> attributes, String dottedPath) {
        Object current = attributes;
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
