package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code wrap-up}: move the task to {@code wrapping}. Refused with 409 while a recovery incident is open for it:
 * wrapping up the interrupted task would free the agent in the middle of bringing the customer back.
 */
public record WrapUpTask(String taskSid) implements ClientCommand {

    public WrapUpTask {
        Require.text(taskSid, "taskSid");
    }
}
