package dev.lifeline.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.Map;

/** TaskRouter task attributes travel as a JSON string; the pure core keeps them as a map. */
public final class AttributesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributesJson() {
    }

    static String write(TaskAttributes attributes) {
        try {
            return JSON.writeValueAsString(attributes.values());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task attributes are not JSON-serialisable", e);
        }
    }

    /** Lenient: attributes that are not a JSON object read as empty (they come from outside). */
    public static TaskAttributes read(String json) {
        if (json == null || json.isBlank()) {
            return TaskAttributes.empty();
        }
        try {
            Map<String, Object> values = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            return TaskAttributes.of(values);
        } catch (JsonProcessingException | RuntimeException e) {
            return TaskAttributes.empty();
        }
    }
}
