package dev.lifeline.server.supervisor;

import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.RecoveryStatistics;
import dev.lifeline.server.engine.IncidentStore;
import java.time.Instant;

/**
 * The last hour of recoveries, cluster-wide, for the supervisor panel: a {@link RecoveryTally} over the terminal
 * incidents of every member (the incidents map is the cluster's record, kept for {@code recovery.retention}, a day by
 * default), not this member's Prometheus histogram, which counts only the phase changes this member applied.
 *
 * <p>The tally reads every terminal incident still kept, so it runs at most once per
 * {@link SupervisorFeed#STATISTICS_REFRESH} per member; the panel's figures are at most that old, and the window
 * slides with every refresh.
 */
final class RecoveryWindow {

    private final IncidentStore incidents;
    private RecoveryStatistics latest;
    private Instant computedAt;

    RecoveryWindow(IncidentStore incidents) {
        this.incidents = incidents;
    }

    /** @param now when the snapshot is taken: the window ends there, or up to one refresh before */
    synchronized RecoveryStatistics statistics(Instant now) {
        if (latest == null || !now.isBefore(computedAt.plus(SupervisorFeed.STATISTICS_REFRESH)) || now.isBefore(computedAt)) {
            latest = incidents.aggregateTerminal(new RecoveryTally(now.minus(QueueSnapshot.STATISTICS_WINDOW))).statistics();
            computedAt = now;
        }
        return latest;
    }
}
