package dev.lifeline.server.taskrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.LinkedHashMap;

/** TaskRouter task attributes travel as a JSON string; the pure core keeps them as a map. */
public final class TaskAttributesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskAttributesJson() {
    }

    public static String write(TaskAttributes attributes) {
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
            return TaskAttributes.of(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException | RuntimeException e) {
            return TaskAttributes.empty();
        }
    }
}
