package dev.lifeline.server.scenarios;

import dev.lifeline.server.recovery.RecoveryStrategy;
import java.util.List;
import java.util.Map;

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

    /**
     * The final state an undisturbed run reaches (ClusterStormTest checks that it does), for runs too big to
     * repeat without faults. Customer effects counted by the emulator: {@code enqueue} the original call and the
     * reconnect, {@code participantUpdate} hold music (and {@code holdUrlRequested}, Twilio fetching its HoldUrl, and
     * {@code announceUrlRequested}, Twilio fetching the recovery announcement's AnnounceUrl),
     * {@code redirect}/{@code update} into the reconnect queue,
     * {@code bridged} each time an agent's leg joins the customer.
     */
    public StormOutcome expectedOutcome(RecoveryStrategy strategy) {
        return strategy == RecoveryStrategy.REJOIN ? expectedWithRejoin() : expectedOutcome();
    }

    /**
     * With {@code rejoin}: no ping task; the recovered customer is never redirected (the agent is dialled into their
     * conference and they are taken off hold: two participant updates); the others end as with {@code requeue}.
     */
    private StormOutcome expectedWithRejoin() {
        return switch (this) {
            case RECOVERED -> new StormOutcome(this, List.of("RESTORED"), 0, 0, "in-progress", "in_conference",
                    Map.of("bridged", 1, "enqueue", 1, "participantUpdate", 2, "holdUrlRequested", 1, "announceUrlRequested", 1), 1, true);
            case GRACEFUL_HANG_UP -> expectedOutcome();
            case CUSTOMER_HANG_UP -> new StormOutcome(this, List.of("CUSTOMER_LEFT"), 0, 0, "completed", "ended",
                    Map.of("bridged", 1, "enqueue", 1, "hangup", 1, "participantUpdate", 1, "holdUrlRequested", 1, "announceUrlRequested", 1), 0, false);
            case PING_TIMEOUT -> new StormOutcome(this, List.of("REQUEUED"), 0, 1, "in-progress", "queued",
                    Map.of("bridged", 1, "enqueue", 2, "participantUpdate", 1, "holdUrlRequested", 1, "announceUrlRequested", 1, "redirect", 1,
                            "update", 1), 0, false);
        };
    }

    /** With {@code requeue}. */
    public StormOutcome expectedOutcome() {
        return switch (this) {
            case RECOVERED -> new StormOutcome(this, List.of("RESTORED"), 1, 1, "in-progress", "in_conference",
                    Map.of("bridged", 2, "enqueue", 2, "participantUpdate", 1, "holdUrlRequested", 1, "announceUrlRequested", 1, "redirect", 1,
                            "update", 1), 1, true);
            case GRACEFUL_HANG_UP -> new StormOutcome(this, List.of(), 0, 0, "completed", "ended",
                    Map.of("bridged", 1, "enqueue", 1), 0, false);
            case CUSTOMER_HANG_UP -> new StormOutcome(this, List.of("CUSTOMER_LEFT"), 1, 0, "completed", "ended",
                    Map.of("bridged", 1, "enqueue", 1, "hangup", 1, "participantUpdate", 1, "holdUrlRequested", 1, "announceUrlRequested", 1), 0, false);
            case PING_TIMEOUT -> new StormOutcome(this, List.of("REQUEUED"), 1, 1, "in-progress", "queued",
                    Map.of("bridged", 1, "enqueue", 2, "participantUpdate", 1, "holdUrlRequested", 1, "announceUrlRequested", 1, "redirect", 1,
                            "update", 1), 0, false);
        };
    }

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
