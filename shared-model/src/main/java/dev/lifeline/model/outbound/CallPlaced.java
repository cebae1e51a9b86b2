package dev.lifeline.model.outbound;

import dev.lifeline.model.validation.Require;

/**
 * The answer to {@code POST /api/me/calls} (202): the agent's leg is in the conference and the called number is
 * ringing. The desktop follows the call through the usual conference events from here.
 *
 * @param taskSid         the TaskRouter task that reports the call ({@code direction: outbound})
 * @param conferenceSid   the conference both legs are in
 * @param customerCallSid the called party's leg: the customer a recovery keeps and brings back
 */
public record CallPlaced(String taskSid, String conferenceSid, String customerCallSid) {

    public CallPlaced {
        Require.text(taskSid, "taskSid");
        Require.text(conferenceSid, "conferenceSid");
        Require.text(customerCallSid, "customerCallSid");
    }
}
