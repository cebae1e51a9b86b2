package dev.lifeline.server.callbacks;

import dev.lifeline.server.timers.DaemonTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts due callbacks in the queue, on every member, each member for the keys it owns: a key has one owner, so one
 * member fires each callback, and after a member is lost its keys' new owners find them on their next sweep. The claim
 * (SCHEDULED → ENQUEUING) is atomic on the owner, so a sweep running twice fires nothing twice; a claim left behind by
 * a member that died before its task was confirmed is taken over once it is {@link #STALE_CLAIM} old, and TaskRouter is
 * asked first whether the task exists already. A minority member fires nothing.
 */
public final class CallbackScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackScheduler.class);
    /** Longer than creating a task takes on a loaded machine, so a live member's claim is never taken over. */
    static final Duration STALE_CLAIM = Duration.ofSeconds(30);

    private final CallbackBook book;
    private final CallbackQueue tasks;
    private final Clock clock;
    private final BooleanSupplier servesState;
    private final Duration preferredAgentWait;
    private final ScheduledExecutorService timer = DaemonTimer.named("callback-scheduler");

    public CallbackScheduler(CallbackBook book, CallbackQueue tasks, Clock clock, BooleanSupplier servesState,
                             Duration preferredAgentWait) {
        this.preferredAgentWait = preferredAgentWait;
        this.book = book;
        this.tasks = tasks;
        this.clock = clock;
        this.servesState = servesState;
    }

    public CallbackScheduler start(Duration every) {
        timer.scheduleWithFixedDelay(this::sweepSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass: queue what is due here, and take over stale claims. */
    public void sweep() {
        if (!servesState.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        for (String id : book.dueHere(now)) {
            book.claimDue(id, now).ifPresent(this::enqueue);
        }
        for (String id : book.waitingForPreferredAgentHere()) {
            book.find(id).filter(c -> c.taskSid() != null && !c.dueAt().plus(preferredAgentWait).isAfter(now))
                    .ifPresent(this::offerToAnyone);
        }
        for (String id : book.enqueuingHere()) {
            // Hazelcast stamps entries with the wall clock of the owner, not the server's clock.
            if (System.currentTimeMillis() - book.lastUpdateMillis(id) > STALE_CLAIM.toMillis()) {
                book.find(id).filter(c -> c.state() == CallbackState.ENQUEUING).ifPresent(this::enqueue);
            }
        }
    }

    private void offerToAnyone(Callback callback) {
        try {
            tasks.offerToAnyone(callback.taskSid());
            book.offerToAnyone(callback.id());
            log.info("callback {}: its preferred agent did not take it within {}; offered to anyone", callback.id(),
                    preferredAgentWait);
        } catch (RuntimeException e) {
            log.warn("callback {} could not be offered to anyone yet: {}", callback.id(), e.getMessage());
        }
    }

    private void enqueue(Callback callback) {
        try {
            String taskSid = tasks.queue(callback);
            book.markQueued(callback.id(), taskSid);
            log.info("callback {} due {} is in the queue as task {} (priority {})", callback.id(), callback.dueAt(), taskSid,
                    callback.priority());
        } catch (RuntimeException e) {
            // Left ENQUEUING: taken over after STALE_CLAIM, when TaskRouter is asked again first.
            log.warn("callback {} could not be queued yet: {}", callback.id(), e.getMessage());
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("callback sweep failed; the next one tries again: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
