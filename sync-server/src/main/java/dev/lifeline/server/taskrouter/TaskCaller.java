package dev.lifeline.server.taskrouter;

import dev.lifeline.server.recovery.TaskAttributes;

/** Who a voice task is about, from its attributes: what an offer and an incident show of the customer. */
public final class TaskCaller {

    private TaskCaller() {
    }

    /**
     * The customer's number: TaskRouter voice tasks carry it as {@code from}, some flows as {@code caller}; on an
     * outbound call {@code from} is the contact centre's caller ID and the customer is the called {@code to}.
     */
    public static String number(TaskAttributes attributes) {
        if (OutboundTaskAttributes.isOutbound(attributes)) {
            return attributes.string("to").or(() -> attributes.string("outbound_to")).orElse(null);
        }
        return attributes.string("from").or(() -> attributes.string("caller")).orElse(null);
    }

    /** The caller's name, when the flow that made the task knew it. */
    public static String label(TaskAttributes attributes) {
        return attributes.string("name").or(() -> attributes.string("customerName")).orElse(null);
    }
}
