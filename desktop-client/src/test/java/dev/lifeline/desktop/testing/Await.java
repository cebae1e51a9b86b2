package dev.lifeline.desktop.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for a condition with a deadline (never a sleep); conditions about the UI are evaluated on the FX thread. */
public final class Await {

    // Generous for CI on two shared cores; a condition that holds returns at once.
    private static final long SECONDS = 30;

    private Await() {
    }

    public static void until(String what, Callable<Boolean> condition) {
        until(what, Duration.ofSeconds(SECONDS), condition);
    }

    /** With a deadline of its own: a cold JVM start of another process takes far longer on a loaded machine. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
        }
    }

    /** Waits until {@code read} finds a value, and returns it. */
    public static <T> T value(String what, Callable<Optional<T>> read) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, () -> {
            Optional<T> value = read.call();
            value.ifPresent(found::set);
            return value.isPresent();
        });
        return found.get();
    }

    /**
     * Waits for a condition about the UI. A read that fails (the node is not in the scene yet: the desk is composed
     * only once the phone's account arrives) means "not yet", as a false would; the last such failure is kept as the
     * cause when the deadline passes.
     */
    public static void untilFx(String what, Callable<Boolean> condition) {
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        try {
            until(what, () -> onFx(() -> {
                try {
                    return condition.call();
                } catch (RuntimeException | AssertionError notYet) {
                    lastFailure.set(notYet);
                    return false;
                }
            }));
        } catch (AssertionError timedOut) {
            if (lastFailure.get() != null) {
                timedOut.initCause(lastFailure.get());
            }
            throw timedOut;
        }
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            if (javafx.application.Platform.isFxApplicationThread()) {
                // Nested reads (a condition that itself reads the UI) must not wait for a later FX turn.
                return read.call();
            }
            return WaitForAsyncUtils.asyncFx(read).get(SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the UI: " + e, e);
        }
    }
}
