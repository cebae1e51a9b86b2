package dev.lifeline.desktop.softphone.media;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that ticks every 20 ms on the monotonic clock ({@link System#nanoTime()}), not on capture callbacks,
 * so RTP timestamps stay exact (sip.md §3.4). Ticks carry their index since the start; a thread starved for more
 * than five ticks skips the missed ones rather than burst them out.
 */
public final class MediaClock implements AutoCloseable {

    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_BEHIND_NANOS = 5 * TICK_NANOS;
    private static final Logger log = LoggerFactory.getLogger(MediaClock.class);

    /** One 20 ms tick: its index since the clock started and the time in milliseconds (monotonic). */
    @FunctionalInterface
    public interface Tick {
        void run(long index, long nowMillis);
    }

    private final Thread thread;
    private volatile boolean running = true;

    public MediaClock(String name, Tick tick) {
        thread = new Thread(() -> loop(tick), name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    private void loop(Tick tick) {
        long next = System.nanoTime();
        long index = 0;
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            if (now - next > MAX_BEHIND_NANOS) {
                long missed = (now - next) / TICK_NANOS;
                index += missed;
                next += missed * TICK_NANOS;
            }
            try {
                tick.run(index, TimeUnit.NANOSECONDS.toMillis(now));
            } catch (RuntimeException e) {
                log.warn("media tick failed; the call goes on", e);
            }
            index++;
            next += TICK_NANOS;
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
