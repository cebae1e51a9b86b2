package dev.lifeline.server.desktop;

/**
 * An agent's desk connected for the first time since the cluster started (no heartbeat of that identity was ever
 * recorded). Runs on the socket's thread before the agent's snapshot is assembled; it must not throw.
 */
@FunctionalInterface
public interface FirstSignIn {

    FirstSignIn NONE = (identity, workerSid) -> { };

    void agentSignedInFirstTime(String identity, String workerSid);
}
