package dev.lifeline.desktop.guardian;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the desktop as a child process and starts it again when it stops because of a problem (crash, SIGKILL, out
 * of memory), never after a normal quit ({@link RestartPolicy}). The agent does not have to notice the crash: the
 * restarted desktop signs in by itself with the same command line and takes the recovering call back.
 *
 * <p>The guardian itself loads no window toolkit and does nothing but wait, so it has little that can fail. Stopping
 * the guardian (Ctrl+C, SIGTERM, logout) stops its desktop too.
 */
public final class Guardian {

    private static final String LOG_PREFIX = "lifeline-desktop: guardian: ";
    private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(10);

    private final Supplier<ProcessBuilder> childProcess;
    private final RestartPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream log;
    private volatile Process child;
    private volatile boolean stopping;

    /** Waits between restarts; a parameter so a test can record the waits of a crash loop instead of sitting them out. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param childProcess how to start the desktop; the guardian adds the environment that marks it as the guarded
     *                     desktop and, on a restart, the reason
     */
    public Guardian(Supplier<ProcessBuilder> childProcess, RestartPolicy policy, Clock clock,
                    Sleeper sleeper, PrintStream log) {
        this.childProcess = childProcess;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** The guardian of this program: the same command line again, output shared with the guardian's. */
    public static Guardian forThisProgram(String mainClass, List<String> desktopArgs) {
        List<String> command = ChildCommand.forThisProgram(mainClass, desktopArgs);
        return new Guardian(() -> ChildCommand.withoutLauncherState(new ProcessBuilder(command).inheritIO()),
                new RestartPolicy(),
                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), System.err);
    }

    /**
     * Runs the desktop until it quits normally or keeps failing; returns the exit code the guardian should end with
     * (the desktop's own on a normal quit).
     */
    public int run() throws InterruptedException {
        String reason = "";
        while (true) {
            Process started;
            try {
                started = start(reason);
            } catch (UncheckedIOException e) {
                // A program that cannot be started (its java removed by an upgrade) will not start on a retry either.
                log.println(LOG_PREFIX + e.getMessage());
                return 1;
            }
            int exitCode = started.waitFor();
            if (stopping) {
                return exitCode;
            }
            RestartPolicy.Decision decision = policy.afterExit(exitCode, clock.instant());
            if (!decision.restart()) {
                if (!decision.reason().isEmpty()) {
                    log.println(LOG_PREFIX + "the desktop (pid " + started.pid() + ") " + decision.reason());
                }
                return decision.exitCode();
            }
            log.println(LOG_PREFIX + "the desktop (pid " + started.pid() + ") stopped unexpectedly: " + decision.reason()
                    + "; starting it again" + (decision.delay().isZero() ? "" : " in " + decision.delay().toSeconds() + " s"));
            sleeper.sleep(decision.delay());
            reason = decision.reason();
        }
    }

    /** Stops the desktop and the guardian with it (the shutdown hook's job; also for tests). */
    public void stop() {
        stopping = true;
        Process running = child;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(CHILD_STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }


    private Process start(String reason) {
        if (stopping) {
            throw new IllegalStateException("the guardian is stopping");
        }
        ProcessBuilder builder = childProcess.get();
        builder.environment().put(GuardianMode.GUARDED_ENV, "1");
        if (reason.isEmpty()) {
            builder.environment().remove(GuardianMode.RESTARTED_AFTER_ENV);
        } else {
            builder.environment().put(GuardianMode.RESTARTED_AFTER_ENV, reason);
        }
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the desktop: " + e.getMessage(), e);
        }
        return child;
    }
}
