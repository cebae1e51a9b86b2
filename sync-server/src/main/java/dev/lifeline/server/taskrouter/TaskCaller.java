package dev.lifeline.server.taskrouter;

import dev.lifeline.server.recovery.TaskAttributes;

/** Who a voice task is about, from its attributes: what an offer and an incident show of the customer. */
public final class TaskCaller {

    private TaskCaller() {
    }

    /** The caller's number: TaskRouter voice tasks carry it as {@code from}, some flows as {@code caller}. */
    public static String number(TaskAttributes attributes) {
        return attributes.string("from").or(() -> attributes.string("caller")).orElse(null);
    }

    /** The caller's name, when the flow that made the task knew it. */
    public static String label(TaskAttributes attributes) {
        return attributes.string("name").or(() -> attributes.string("customerName")).orElse(null);
    }
}
