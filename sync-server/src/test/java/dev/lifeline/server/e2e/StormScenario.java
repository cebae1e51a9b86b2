package dev.lifeline.server.e2e;

/**
 * What happens to one interaction of the storm. Most agents crash and come back; a few hang up on purpose,
 * lose their customer while being pinged, or never come back so the ping's TTL requeues the customer.
 */
public enum StormScenario {
    /** The desktop dies, comes back, accepts the ping and the reconnect: RESTORED. */
    RECOVERED,
    /** The agent hangs up on purpose: no incident at all. */
    GRACEFUL_HANG_UP,
    /** The desktop dies and the customer hangs up while the agent is being pinged: CUSTOMER_LEFT. */
    CUSTOMER_HANG_UP,
    /** The desktop dies and stays dead until the ping's TTL passes: REQUEUED. */
    PING_TIMEOUT;

    /** Seven in ten interactions recover; one in ten of each side exit. */
    public static StormScenario forIndex(int index) {
        return switch (index % 10) {
            case 3 -> GRACEFUL_HANG_UP;
            case 6 -> CUSTOMER_HANG_UP;
            case 9 -> PING_TIMEOUT;
            default -> RECOVERED;
        };
    }
}
