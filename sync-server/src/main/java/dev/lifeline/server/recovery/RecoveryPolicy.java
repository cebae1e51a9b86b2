package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of a recovery; the original hard-coded all of them (seed §7, §8.17).
 *
 * @param pingTtl                  Recovery Ping task {@code Timeout}: how long the agent has to come back
 * @param pingGrace                how long after the ping TTL the watchdog waits for TaskRouter's own
 *                                 {@code task.canceled} before requeueing on its own
 * @param overallDeadline          from detection to a terminal phase; past it the watchdog expires the
 *                                 incident and requeues the customer
 * @param holdMusicWhenOthersRemain whether to hold the customer with music even when another party (a third
 *                                 party on a 3-way call) is still there to talk to; off by default so the
 *                                 customer and the third party can keep talking, as in the original
 * @param safetyNetWorkflowSid     the deployment's voice workflow, where a customer whom a redirect into a queue
 *                                 failed to reach is queued as a last resort; null = the dropped agent's own workflow
 * @param stayOnTheLineUrl         what a stranded customer hears (an AnnounceUrl: TwiML with {@code <Say>}) once the
 *                                 safety net's first attempt failed too; null = nothing is announced
 * @param strategy                 how the agent is brought back ({@link RecoveryStrategy}); null = {@code requeue}
 */
public record RecoveryPolicy(
        Duration pingTtl,
        Duration pingGrace,
        Duration overallDeadline,
        int pingPriority,
        int reconnectPriority,
        int requeuePriority,
        String announcementUrl,
        String holdMusicUrl,
        String pingWorkflowSid,
        boolean holdMusicWhenOthersRemain,
        String safetyNetWorkflowSid,
        String stayOnTheLineUrl,
        RecoveryStrategy strategy) implements Serializable {

    public static final Duration DEFAULT_PING_TTL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_PING_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_OVERALL_DEADLINE = Duration.ofSeconds(120);
    public static final int DEFAULT_PRIORITY = 1000;
    /** The longest wait between two attempts to queue a stranded customer. */
    public static final Duration MAX_RESCUE_BACKOFF = Duration.ofSeconds(30);

    public RecoveryPolicy {
        requirePositive(pingTtl, "pingTtl");
        requirePositive(overallDeadline, "overallDeadline");
        Objects.requireNonNull(pingGrace, "pingGrace");
        if (pingGrace.isNegative()) {
            throw new IllegalArgumentException("pingGrace must not be negative");
        }
        requireText(announcementUrl, "announcementUrl");
        requireText(holdMusicUrl, "holdMusicUrl");
        requireText(pingWorkflowSid, "pingWorkflowSid");
        strategy = strategy == null ? RecoveryStrategy.REQUEUE : strategy;
    }

    /** With the {@code requeue} strategy (see the record's parameters). */
    public RecoveryPolicy(Duration pingTtl, Duration pingGrace, Duration overallDeadline, int pingPriority,
                          int reconnectPriority, int requeuePriority, String announcementUrl, String holdMusicUrl,
                          String pingWorkflowSid, boolean holdMusicWhenOthersRemain, String safetyNetWorkflowSid,
                          String stayOnTheLineUrl) {
        this(pingTtl, pingGrace, overallDeadline, pingPriority, reconnectPriority, requeuePriority, announcementUrl,
                holdMusicUrl, pingWorkflowSid, holdMusicWhenOthersRemain, safetyNetWorkflowSid, stayOnTheLineUrl, null);
    }

    /** Without a safety-net workflow or a stay-on-the-line announcement of its own (see the record's parameters). */
    public RecoveryPolicy(Duration pingTtl, Duration pingGrace, Duration overallDeadline, int pingPriority,
                          int reconnectPriority, int requeuePriority, String announcementUrl, String holdMusicUrl,
                          String pingWorkflowSid, boolean holdMusicWhenOthersRemain) {
        this(pingTtl, pingGrace, overallDeadline, pingPriority, reconnectPriority, requeuePriority, announcementUrl,
                holdMusicUrl, pingWorkflowSid, holdMusicWhenOthersRemain, null, null, null);
    }

    /** Seed §7 defaults: ping TTL 15 s, priorities 1000, a 120 s watchdog deadline. */
    public static RecoveryPolicy defaults(String pingWorkflowSid, String announcementUrl, String holdMusicUrl) {
        return new RecoveryPolicy(DEFAULT_PING_TTL, DEFAULT_PING_GRACE, DEFAULT_OVERALL_DEADLINE,
                DEFAULT_PRIORITY, DEFAULT_PRIORITY, DEFAULT_PRIORITY,
                announcementUrl, holdMusicUrl, pingWorkflowSid, false);
    }

    /** The same policy with the last safety net for stranded customers set up (the composition root does this). */
    public RecoveryPolicy withSafetyNet(String voiceWorkflowSid, String stayOnTheLineAnnouncementUrl) {
        return new RecoveryPolicy(pingTtl, pingGrace, overallDeadline, pingPriority, reconnectPriority, requeuePriority,
                announcementUrl, holdMusicUrl, pingWorkflowSid, holdMusicWhenOthersRemain, voiceWorkflowSid,
                stayOnTheLineAnnouncementUrl, strategy);
    }

    /** The same policy bringing agents back the given way. */
    public RecoveryPolicy withStrategy(RecoveryStrategy how) {
        return new RecoveryPolicy(pingTtl, pingGrace, overallDeadline, pingPriority, reconnectPriority, requeuePriority,
                announcementUrl, holdMusicUrl, pingWorkflowSid, holdMusicWhenOthersRemain, safetyNetWorkflowSid,
                stayOnTheLineUrl, how);
    }

    public boolean rejoins() {
        return strategy == RecoveryStrategy.REJOIN;
    }

    /** Attempt n+1 of queueing a stranded customer waits 2^n seconds after attempt n failed, at most 30 s. */
    public Duration rescueBackoff(int failedAttempt) {
        long seconds = 1L << Math.min(failedAttempt, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_RESCUE_BACKOFF.toSeconds()));
    }

    public int pingTtlSeconds() {
        return (int) Math.max(1, pingTtl.toSeconds());
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
