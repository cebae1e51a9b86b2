package dev.lifeline.server.conference;

/** Why an agent leg is about to leave on purpose. */
public enum GracefulExit {
    /** The agent pressed Hang up. */
    HANG_UP,
    /** The agent cold-transferred the customer; the customer stays for the next agent. */
    COLD_TRANSFER
}
