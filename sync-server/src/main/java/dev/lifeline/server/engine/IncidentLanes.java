package dev.lifeline.server.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import dev.lifeline.server.timers.DaemonPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where effects run: off the thread that asked for them (a webhook's request thread answers Twilio at once), one
 * incident's work after another's in the order it was asked for (its effects depend on each other: the customer's
 * endConferenceOnExit is cleared before the redirect), different incidents side by side. Work lost with this member
 * is not lost for the recovery: its effects stay pending in the replicated outbox, and a reconciler runs them.
 */
final class IncidentLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IncidentLanes.class);

    private final ExecutorService pool;
    /** Each incident's last piece of work; the next one starts when it is over. Removed when the lane is empty. */
    private final ConcurrentMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    IncidentLanes(String name, int threads) {
        this.pool = DaemonPool.named(name, threads);
    }

    /** Runs {@code work} after every piece of work submitted for {@code key} before it. */
    void submit(String key, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, done);
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
        after.thenRunAsync(() -> runLogged(key, work), pool)
                .whenComplete((ignored, rejected) -> {
                    if (rejected != null) {
                        log.debug("effects of {} not run here (shutting down): {}", key, rejected.toString());
                    }
                    tails.remove(key, done);
                    done.complete(null);
                });
    }

    /** A failure is logged and the lane goes on: what failed is still pending in the outbox for the reconciler. */
    private static void runLogged(String key, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("running the effects of {} failed; the reconciler retries what is still pending", key, e);
        }
    }

    /** For tests and shutdown: true once every lane is empty. */
    boolean idle() {
        return tails.isEmpty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
