package dev.lifeline.model.event;

import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.task.TaskView;
import dev.lifeline.model.validation.Require;
import java.time.Instant;
import java.util.List;

/**
 * {@code snapshot}: the desktop's whole current state, sent first on every (re)connect and returned by
 * {@code GET /api/me/state}. A desktop replaces what it shows with it: it is how a restarted desktop learns
 * that it is in the middle of a recovery.
 *
 * @param agent        the signed-in agent
 * @param reservations the agent's open reservations (pending, accepted, wrapping)
 * @param tasks        the tasks of those reservations
 * @param conference   the agent's current conference, or {@code null}
 * @param openIncident the recovery incident in progress for this agent, or {@code null}; when present the
 *                     desktop shows the Reconnecting modal
 * @param pendingPing  the Recovery Ping reservation waiting for this agent, or {@code null}; the desktop
 *                     accepts it straight away
 * @param serverTime   the server's clock when the snapshot was taken (for countdowns despite clock skew)
 */
public record StateSnapshot(
        AgentView agent,
        List<ReservationView> reservations,
        List<TaskView> tasks,
        ConferenceView conference,
        IncidentView openIncident,
        ReservationView pendingPing,
        Instant serverTime) implements ServerEvent {

    public StateSnapshot {
        Require.present(agent, "agent");
        reservations = Require.listOf(reservations, "reservations");
        tasks = Require.listOf(tasks, "tasks");
        Require.present(serverTime, "serverTime");
        if (pendingPing != null && !pendingPing.isRecoveryPing()) {
            throw new IllegalArgumentException("pendingPing: must be a recovery ping reservation");
        }
    }
}
