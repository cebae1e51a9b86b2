package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code transfer}: the agent hands the customer to another agent or to a queue, in Flex's way: a new task for the
 * target carries the customer's conference, and the customer waits on hold music until the target is there.
 * Cold ({@code warm=false}): the agent leaves at once. Warm: the agent stays and talks to the target while the
 * customer is on hold, then {@link CompleteTransfer completes} (leaves) or {@link CancelTransfer cancels} (the target
 * leaves and the customer comes off hold). Exactly one of {@code agent} and {@code queue}; a queue is cold only.
 *
 * @param agent the identity of the target agent, or null
 * @param queue the target TaskQueue's SID or name, or null
 */
public record TransferCall(String conferenceSid, String agent, String queue, boolean warm) implements ClientCommand {

    public TransferCall {
        Require.text(conferenceSid, "conferenceSid");
        agent = Require.optionalText(agent, "agent");
        queue = Require.optionalText(queue, "queue");
        if ((agent == null) == (queue == null)) {
            throw new IllegalArgumentException("agent: give either an agent or a queue to transfer to, not both or neither");
        }
        if (warm && queue != null) {
            throw new IllegalArgumentException("warm: a transfer to a queue is cold (nobody there to consult yet)");
        }
    }

    public static TransferCall toAgent(String conferenceSid, String identity, boolean warm) {
        return new TransferCall(conferenceSid, identity, null, warm);
    }

    public static TransferCall toQueue(String conferenceSid, String queue) {
        return new TransferCall(conferenceSid, null, queue, false);
    }
}
