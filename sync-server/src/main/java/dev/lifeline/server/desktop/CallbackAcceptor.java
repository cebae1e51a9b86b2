package dev.lifeline.server.desktop;

import dev.lifeline.server.twilio.TaskDetails;

/**
 * What happens when an agent accepts a callback's task (issue 20): there is no customer on the line to bridge, so the
 * callbacks feature dials the agent first and then the customer. Registered by the composition root.
 */
@FunctionalInterface
public interface CallbackAcceptor {

    /** The {@code type} attribute of a callback's task; only such a task is handed to {@link #accept}. */
    String TYPE = "callback";

    /**
     * @param sipAddress where the agent's softphone is registered
     */
    void accept(String identity, String workerSid, String sipAddress, String reservationSid, TaskDetails task);
}
