package dev.lifeline.model.queue;

/** What an agent is doing right now, as the supervisor panel groups agents. */
public enum AgentWorkState {
    /** No reservation, no call. */
    IDLE,
    /** A reservation is ringing on the desktop. */
    RINGING,
    /** In a conference with a customer. */
    ON_CALL,
    /** The call ended; the task is in wrap-up. */
    WRAPPING,
    /** The agent's leg dropped and a recovery incident is open for them. */
    RECOVERING
}
