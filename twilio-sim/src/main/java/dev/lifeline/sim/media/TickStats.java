package dev.lifeline.sim.media;

import java.util.Arrays;

/** Per-tick timing of the media thread: how late each tick started and how long its work took. Thread-safe. */
public final class TickStats {

    private static final int KEPT = 10_000;

    private final long[] workNanos = new long[KEPT];
    private final long[] lateNanos = new long[KEPT];
    private long ticks;
    private long skipped;
    private long cpuNanos;

    /** CPU time the media thread spent in ticks (not wall time: on a busy machine a descheduled thread is no slower). */
    synchronized void cpu(long nanos) {
        cpuNanos += nanos;
    }

    public synchronized long cpuNanos() {
        return cpuNanos;
    }

    synchronized void ticked(long late, long work) {
        int at = (int) (ticks % KEPT);
        lateNanos[at] = late;
        workNanos[at] = work;
        ticks++;
    }

    synchronized void skipped(long count) {
        skipped += count;
    }

    public synchronized long ticks() {
        return ticks;
    }

    public synchronized long skipped() {
        return skipped;
    }

    /** Percentile (0–100) of the tick work time over the last ticks kept, in nanoseconds. */
    public synchronized long workPercentile(double percentile) {
        return percentile(workNanos, percentile);
    }

    /** Percentile of how late ticks started, in nanoseconds. */
    public synchronized long latePercentile(double percentile) {
        return percentile(lateNanos, percentile);
    }

    private long percentile(long[] values, double percentile) {
        int n = (int) Math.min(ticks, KEPT);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(percentile / 100.0 * n) - 1 < 0 ? 0 : (int) Math.ceil(percentile / 100.0 * n) - 1)];
    }
}
