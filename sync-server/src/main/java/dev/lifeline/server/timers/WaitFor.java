package dev.lifeline.server.timers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks until the answer is there or the time is up, for a request that must wait on something outside (TaskRouter
 * offering a task, a softphone answering its leg) before it can answer.
 */
public final class WaitFor {

    private WaitFor() {
    }

    public static <T> Optional<T> present(Duration limit, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pauseMillis = 20;
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pauseMillis = Math.min(250, pauseMillis * 2);
        }
    }
}
