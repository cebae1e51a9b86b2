package dev.lifeline.model.queue;

import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.validation.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the supervisor panel shows, as of one moment. The server pushes a whole snapshot rather than
 * deltas: it is small, and a panel that missed a push is right again with the next one.
 *
 * @param takenAt             when the server assembled it
 * @param queues              one row per TaskQueue
 * @param agents              every agent with presence and current state
 * @param incidentsInProgress open recovery incidents
 * @param recentlyFinished    the latest finished incidents, newest first
 * @param statistics          recoveries of the whole cluster over the last hour (time to reconnect, outcomes); a
 *                            server that sends none is read as an hour with no recovery
 */
public record QueueSnapshot(
        Instant takenAt,
        List<QueueStats> queues,
        List<AgentStatus> agents,
        List<IncidentView> incidentsInProgress,
        List<FinishedIncident> recentlyFinished,
        RecoveryStatistics statistics) {

    /** The statistics window the server reports. */
    public static final Duration STATISTICS_WINDOW = Duration.ofHours(1);

    /** A snapshot without statistics (an hour with no recovery). */
    public QueueSnapshot(Instant takenAt, List<QueueStats> queues, List<AgentStatus> agents,
                         List<IncidentView> incidentsInProgress, List<FinishedIncident> recentlyFinished) {
        this(takenAt, queues, agents, incidentsInProgress, recentlyFinished, null);
    }

    public QueueSnapshot {
        Require.present(takenAt, "takenAt");
        queues = Require.listOf(queues, "queues");
        agents = Require.listOf(agents, "agents");
        incidentsInProgress = Require.listOf(incidentsInProgress, "incidentsInProgress");
        recentlyFinished = Require.listOf(recentlyFinished, "recentlyFinished");
        statistics = statistics != null ? statistics : RecoveryStatistics.none(takenAt.minus(STATISTICS_WINDOW));
    }
}
