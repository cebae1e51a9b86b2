package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code hangup}: the agent ends the call on purpose. The server marks the agent's leg as leaving gracefully
 * before removing it, which is what tells a hang-up apart from a crash (no recovery starts).
 *
 * @param conferenceSid the conference to leave ({@code CF…})
 * @param taskSid       the task it serves, moved to wrap-up; optional
 */
public record HangUp(String conferenceSid, String taskSid) implements ClientCommand {

    public HangUp {
        Require.text(conferenceSid, "conferenceSid");
        taskSid = Require.optionalText(taskSid, "taskSid");
    }
}
