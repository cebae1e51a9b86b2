package dev.lifeline.model.agent;

/**
 * Whether the agent's desktop is really there. TaskRouter's activity only says what the agent chose; the
 * heartbeat on the desktop WebSocket is the agent's real availability (a crashed desktop still reads
 * "Available" in TaskRouter until someone changes it).
 */
public enum AgentPresence {
    /** The desktop's socket is open and heartbeats arrive. */
    ONLINE,
    /** No heartbeat within the grace period: the desktop crashed, was killed or lost the network. */
    GONE
}
