package dev.lifeline.server.callbacks;

/** Where a callback is in its life. Only {@link #SCHEDULED} is waiting for its time; the last three are final. */
public enum CallbackState {
    /** Waiting for its due time. */
    SCHEDULED,
    /** Its time came: a member is putting its task in the queue (claimed, task not yet confirmed). */
    ENQUEUING,
    /** Its task waits in the queue for an agent. */
    QUEUED,
    /** An agent took it: the agent's leg and then the customer are being dialled. */
    DIALLING,
    /** The customer was reached. */
    COMPLETED,
    /** Given up (attempts or window exhausted, or a task TaskRouter refused): see the close reason. */
    FAILED,
    /** Withdrawn by an agent or a supervisor. */
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
