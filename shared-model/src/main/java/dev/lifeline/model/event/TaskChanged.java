package dev.lifeline.model.event;

import dev.lifeline.model.task.TaskView;
import dev.lifeline.model.validation.Require;

/** {@code task-changed}: one of the agent's tasks changed status, priority or attributes. */
public record TaskChanged(TaskView task) implements ServerEvent {

    public TaskChanged {
        Require.present(task, "task");
    }
}
