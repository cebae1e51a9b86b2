package dev.lifeline.desktop.guardian;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Whether the guardian starts the desktop again after it exited, and after how long. Pure: the guardian hands it
 * each exit code with the time it was seen.
 *
 * <p>A normal quit is never undone: exit 0 (the agent closed the window), {@link #USAGE_ERROR} (a bad option: the
 * same command would fail the same way), {@link #CANNOT_RUN} (no display) and the signals a person or the operating
 * system sends to stop a program ({@code SIGINT}, {@code SIGTERM}). Everything else is a problem: a crash
 * ({@code SIGABRT} from a JVM fatal error), {@code SIGKILL}, out of memory ({@code -XX:+ExitOnOutOfMemoryError}
 * exits 3), an uncaught failure in {@code main} (1).
 *
 * <p>The first restart is immediate, because every second counts while the customer waits on hold music. Problems
 * that follow one another quickly (a crash loop) wait twice as long each time, up to {@link #MAX_BACKOFF}; after
 * {@link #GIVE_UP_AFTER} problems within {@link #WINDOW} the guardian gives up rather than burn the machine.
 */
public final class RestartPolicy {

    /** Exit code of a command line that cannot be run (the launcher's bad option). */
    public static final int USAGE_ERROR = 2;
    /** Exit code of a desktop that cannot run here at all (no display); sysexits' EX_UNAVAILABLE. */
    public static final int CANNOT_RUN = 69;
    static final Duration WINDOW = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final int GIVE_UP_AFTER = 6;

    private static final int SIGINT_EXIT = 128 + 2;
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final Set<Integer> DELIBERATE = Set.of(0, USAGE_ERROR, CANNOT_RUN, SIGINT_EXIT, SIGTERM_EXIT);

    private final Deque<Instant> recentProblems = new ArrayDeque<>();

    /** What to do after the desktop exited with {@code exitCode} at {@code now}. */
    public Decision afterExit(int exitCode, Instant now) {
        if (DELIBERATE.contains(exitCode)) {
            return Decision.stop(exitCode);
        }
        while (!recentProblems.isEmpty() && recentProblems.peekFirst().isBefore(now.minus(WINDOW))) {
            recentProblems.removeFirst();
        }
        recentProblems.addLast(now);
        int problems = recentProblems.size();
        if (problems >= GIVE_UP_AFTER) {
            return Decision.giveUp(exitCode, problems);
        }
        return Decision.restartAfter(backoff(problems), describe(exitCode));
    }

    /** 0 s for the first problem in the window, then 1 s, 2 s, 4 s … capped. */
    private static Duration backoff(int problemsInWindow) {
        if (problemsInWindow <= 1) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(problemsInWindow - 2, 30);
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** The exit in words, for the notice the restarted desktop shows and the guardian's log line. */
    static String describe(int exitCode) {
        return switch (exitCode) {
            case 128 + 9 -> "it was killed (SIGKILL)";
            case 128 + 6 -> "it crashed (SIGABRT)";
            case 128 + 11 -> "it crashed (SIGSEGV)";
            case 3 -> "it ran out of memory";
            default -> exitCode > 128 ? "it was stopped by signal " + (exitCode - 128) : "it exited with code " + exitCode;
        };
    }

    /** Stop with an exit code, or restart after a delay (with the reason in words). */
    public record Decision(boolean restart, Duration delay, String reason, int exitCode) {

        static Decision stop(int exitCode) {
            return new Decision(false, Duration.ZERO, "", exitCode);
        }

        static Decision giveUp(int exitCode, int problems) {
            return new Decision(false, Duration.ZERO, "it stopped unexpectedly " + problems + " times within "
                    + WINDOW.toMinutes() + " minutes; not starting it again", exitCode);
        }

        static Decision restartAfter(Duration wait, String reason) {
            return new Decision(true, wait, reason, 0);
        }
    }
}
