package dev.lifeline.sim.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        until(condition, DEFAULT_TIMEOUT);
    }

    /** @throws AssertionError if {@code condition} is still false when {@code timeout} has passed */
    public static void until(BooleanSupplier condition, Duration timeout) {
        until(condition, timeout, () -> "condition");
    }

    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + description.get());
            }
            try {
                Thread.sleep(5); // polling interval, not a timed assertion
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + description.get(), e);
            }
        }
    }

    /** Polls {@code supplier} until it returns a non-null value, and returns it. */
    public static <T> T value(Supplier<T> supplier, Duration timeout, String description) {
        Object[] holder = new Object[1];
        until(() -> (holder[0] = supplier.get()) != null, timeout, () -> description);
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }
}
