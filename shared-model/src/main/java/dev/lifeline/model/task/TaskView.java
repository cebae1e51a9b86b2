package dev.lifeline.model.task;

import dev.lifeline.model.validation.Require;
import java.util.Map;

/**
 * A TaskRouter task as the desktop shows it.
 *
 * @param taskSid    TaskRouter task SID ({@code WT…})
 * @param status     TaskRouter's {@code assignment_status}
 * @param channel    the task channel's unique name, e.g. {@code "voice"}
 * @param priority   TaskRouter priority (higher is served first; recovery tasks use 1000)
 * @param attributes the task attributes as a JSON object (TaskRouter stores them as a JSON string; the server
 *                   parses it so the desktop never has to)
 * @param ageSeconds TaskRouter's {@code age}: seconds since the task was created
 */
public record TaskView(
        String taskSid,
        TaskStatus status,
        String channel,
        int priority,
        Map<String, Object> attributes,
        long ageSeconds) {

    public TaskView {
        Require.text(taskSid, "taskSid");
        Require.present(status, "status");
        Require.text(channel, "channel");
        Require.atLeast(ageSeconds, 0, "ageSeconds");
        // JSON attributes may legitimately hold nulls, so they are allowed here.
        attributes = Require.mapOf(attributes, "attributes", true);
    }

    /** A top-level attribute as text, or {@code null} when absent. */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }
}
