package dev.lifeline.server.timers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed pool of daemon threads named after their job ({@code name-1}, {@code name-2}…), like {@link DaemonTimer}. */
public final class DaemonPool {

    private DaemonPool() {
    }

    public static ExecutorService named(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
