package dev.lifeline.server.engine;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.lifeline.server.timers.DaemonTimer;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every member: each tick it looks at the unfinished incidents whose primary copy this member owns (a
 * local indexed query: the finished ones that are kept for a while have nothing left to do), fires the
 * deadline watchdog and retries effects still pending (a lost webhook, a Twilio 5xx, a member that died in
 * the middle). Entry listeners are not relied on: they are not highly available (reliability.md §1.6).
 */
public final class IncidentReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IncidentReconciler.class);

    private final RecoveryEngine engine;
    private final ScheduledExecutorService timer = DaemonTimer.named("incident-reconciler");

    public IncidentReconciler(RecoveryEngine engine) {
        this.engine = engine;
    }

    public IncidentReconciler start(Duration every) {
        timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass over this member's incidents; public so tests can drive it deterministically. */
    public void sweep() {
        try {
            for (String incidentId : engine.incidents().localUnfinishedIncidentIds()) {
                try {
                    engine.reconcile(incidentId);
                } catch (SplitBrainProtectionException minority) {
                    // Cut off from the majority: every incident would fail the same way. The majority carries on.
                    log.debug("sweep paused: this member is below the cluster's minimum size");
                    return;
                } catch (RuntimeException e) {
                    log.warn("reconciling {} failed; next sweep retries", incidentId, e);
                }
            }
        } catch (RuntimeException e) {
            // The member may be shutting down; the next sweep (or another member) carries on.
            log.debug("sweep skipped: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
