package dev.lifeline.model.queue;

import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.validation.Require;
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
 */
public record QueueSnapshot(
        Instant takenAt,
        List<QueueStats> queues,
        List<AgentStatus> agents,
        List<IncidentView> incidentsInProgress,
        List<FinishedIncident> recentlyFinished) {

    public QueueSnapshot {
        Require.present(takenAt, "takenAt");
        queues = Require.listOf(queues, "queues");
        agents = Require.listOf(agents, "agents");
        incidentsInProgress = Require.listOf(incidentsInProgress, "incidentsInProgress");
        recentlyFinished = Require.listOf(recentlyFinished, "recentlyFinished");
    }
}
