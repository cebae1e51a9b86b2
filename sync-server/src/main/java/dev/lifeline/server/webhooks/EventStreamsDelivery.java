package dev.lifeline.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An Event Streams delivery to the TaskRouter webhook: CloudEvents whose {@code data.payload} holds the snake_case
 * fields of twilio-api.md §4. A delivery is an array when the sink batches, a single object otherwise; both are
 * accepted and every event is returned (the original read only the first).
 */
public final class EventStreamsDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_PREFIX = "com.twilio.taskrouter.";

    private EventStreamsDelivery() {
    }

    /** @throws WebhookFormatException naming the element and field that is wrong */
    public static List<TaskRouterEvent> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new WebhookFormatException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new WebhookFormatException("body", "is empty");
        }
        List<TaskRouterEvent> events = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                events.add(parseEvent(root.get(i), "[" + i + "]"));
            }
        } else if (root.isObject()) {
            events.add(parseEvent(root, ""));
        } else {
            throw new WebhookFormatException("body", "must be a CloudEvent object or an array of them");
        }
        return events;
    }

    private static TaskRouterEvent parseEvent(JsonNode event, String where) {
        if (!event.isObject()) {
            throw new WebhookFormatException(where.isEmpty() ? "body" : where, "must be a CloudEvent object");
        }
        String id = text(event, "id", where + "id", true);
        String type = text(event, "type", where + "type", true);
        JsonNode payload = event.path("data").path("payload");
        if (!payload.isObject()) {
            throw new WebhookFormatException(where + "data.payload", "is required");
        }
        String eventType = payload.hasNonNull("eventtype") ? payload.get("eventtype").asText()
                : (type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type);
        String p = where + "data.payload.";
        return new TaskRouterEvent(id, eventType,
                text(payload, "task_sid", p + "task_sid", false),
                text(payload, "task_attributes", p + "task_attributes", false),
                text(payload, "task_assignment_status", p + "task_assignment_status", false),
                text(payload, "task_canceled_reason", p + "task_canceled_reason", false),
                text(payload, "task_channel_unique_name", p + "task_channel_unique_name", false),
                text(payload, "task_queue_sid", p + "task_queue_sid", false),
                text(payload, "workflow_sid", p + "workflow_sid", false),
                text(payload, "worker_sid", p + "worker_sid", false),
                text(payload, "reservation_sid", p + "reservation_sid", false),
                text(payload, "reservation_status", p + "reservation_status", false));
    }

    private static String text(JsonNode node, String name, String path, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new WebhookFormatException(path, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new WebhookFormatException(path, "must be a string");
        }
        return value.asText();
    }
}
