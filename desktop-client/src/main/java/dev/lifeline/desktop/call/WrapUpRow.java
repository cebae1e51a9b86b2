package dev.lifeline.desktop.call;

import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;

/**
 * A task waiting for the agent to finish it: {@code assigned} with no call left (needs Wrap up) or
 * {@code wrapping} (needs Complete).
 */
public record WrapUpRow(String taskSid, String title, TaskStatus status) {

    static WrapUpRow of(TaskView task) {
        String who = task.attribute("customerLabel") != null ? task.attribute("customerLabel")
                : task.attribute("from") != null ? task.attribute("from") : task.taskSid();
        return new WrapUpRow(task.taskSid(), who, task.status());
    }

    public String actionText() {
        return status == TaskStatus.WRAPPING ? "Complete" : "Wrap up";
    }

    public String statusText() {
        return status == TaskStatus.WRAPPING ? "In wrap-up" : "Call ended";
    }
}
