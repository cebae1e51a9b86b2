package dev.lifeline.desktop.ui;

import java.time.Duration;

/** How the desktop writes a duration for people: {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
public final class Durations {

    private Durations() {
    }

    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest) : String.format("%d:%02d", minutes, rest);
    }

    /** Seconds to a tenth, for measured times: {@code 8.4 s}. */
    public static String tenths(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** Whole seconds left until a deadline, rounded up so "1 s" shows until the very end; never negative. */
    public static long secondsLeft(Duration untilDeadline) {
        if (untilDeadline.isNegative() || untilDeadline.isZero()) {
            return 0;
        }
        long millis = untilDeadline.toMillis();
        return (millis + 999) / 1000;
    }
}
