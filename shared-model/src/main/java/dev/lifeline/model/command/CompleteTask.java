package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/** {@code complete}: finish the task after wrap-up; refused like {@link WrapUpTask} during a recovery. */
public record CompleteTask(String taskSid) implements ClientCommand {

    public CompleteTask {
        Require.text(taskSid, "taskSid");
    }
}
