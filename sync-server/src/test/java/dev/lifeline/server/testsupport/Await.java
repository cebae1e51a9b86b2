package dev.lifeline.server.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way sync-server's tests wait: poll a condition until it holds or a deadline passes, never a fixed sleep
 * standing in for an outcome. The deadline bounds a failure only; a test goes on the moment its condition holds, so
 * the default is generous (two shared cores under load).
 */
public final class Await {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT_TIMEOUT);
    }

    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, timeout, DEFAULT_POLL);
    }

    /** As {@link #until(String, BooleanSupplier, Duration)}, polling every {@code every} (a costly condition). */
    public static void until(String what, BooleanSupplier condition, Duration timeout, Duration every) {
        present(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout, every);
    }

    /** The supplier's first non-null value. */
    public static <T> T value(String what, Supplier<T> supplier) {
        return present(what, () -> Optional.ofNullable(supplier.get()));
    }

    /** The probe's first present value. */
    public static <T> T present(String what, Supplier<Optional<T>> probe) {
        return present(what, probe, DEFAULT_TIMEOUT, DEFAULT_POLL);
    }

    /** As {@link #present(String, Supplier)}, for callers that poll many conditions at once and must poll gently. */
    public static <T> T present(String what, Supplier<Optional<T>> probe, Duration timeout, Duration every) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(every.toMillis()); // the polling interval of the condition, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
