package dev.lifeline.server.timers;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The single background thread of a periodic job (sweeps, audits, feeds). A daemon, so a server that is
 * stopped without closing every job still exits; named, so a thread dump says which job is stuck.
 */
public final class DaemonTimer {

    private DaemonTimer() {
    }

    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
