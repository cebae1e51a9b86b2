package dev.lifeline.desktop.softphone.interop;

import java.util.concurrent.TimeUnit;

/** Ends a process this test started, and every process it forked (kamailio forks its workers). */
final class Processes {

    private Processes() {
    }

    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
