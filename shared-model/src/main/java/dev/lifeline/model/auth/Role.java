package dev.lifeline.model.auth;

/** What a signed-in user may do: an agent handles calls, a supervisor also watches the queue and cancels recoveries. */
public enum Role {
    AGENT,
    SUPERVISOR
}
