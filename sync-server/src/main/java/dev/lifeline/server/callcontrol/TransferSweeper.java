package dev.lifeline.server.callcontrol;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.lifeline.server.timers.DaemonTimer;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every member, as the incident reconciler does: each tick it finishes the transfers whose job this member
 * holds the primary copy of and nobody is carrying out ({@link TransferSteps#resumeIfStale}).
 */
public final class TransferSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransferSweeper.class);

    private final TransferSteps steps;
    private final TransferJobs jobs;
    private final ScheduledExecutorService timer = DaemonTimer.named("transfer-sweeper");

    TransferSweeper(TransferSteps steps, TransferJobs jobs) {
        this.steps = steps;
        this.jobs = jobs;
    }

    public TransferSweeper start(Duration every) {
        timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass over this member's jobs. */
    public void sweep() {
        try {
            for (String conferenceSid : jobs.localConferences()) {
                try {
                    steps.resumeIfStale(conferenceSid);
                } catch (SplitBrainProtectionException minority) {
                    log.debug("transfer sweep paused: this member is below the cluster's minimum size");
                    return;
                } catch (RuntimeException e) {
                    log.warn("finishing the transfer of {} failed; next sweep retries", conferenceSid, e);
                }
            }
        } catch (RuntimeException e) {
            // The member may be shutting down; the next sweep (or another member) carries on.
            log.debug("transfer sweep skipped: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
