package dev.lifeline.server.taskrouter;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a reservation is to the agent it is offered to: the Recovery Ping, the reconnect that brings THEIR dropped
 * customer back, or ordinary work. The desktop accepts the first two by itself, so the reconnect flag is decided by
 * the incident's live state, never by the task's attributes alone: a requeued customer's task keeps
 * {@code lifelineIncident} and {@code isReconnect} (Insights links the segments through them), and read alone they
 * would make every desktop offered that customer take the call without a click (issue 21).
 *
 * @param incidentId the incident named by the task, kept for ordinary work too (a requeued customer); null when none
 */
record RecoveryReservationFlags(boolean ping, boolean reconnect, String incidentId) {

    static final RecoveryReservationFlags ORDINARY = new RecoveryReservationFlags(false, false, null);

    /**
     * @param onPingWorkflow whether the task runs on the Recovery Ping workflow
     * @param incidents      incident id → the incident as it stands now (empty when unknown); asked only for a
     *                       reconnect task
     */
    static RecoveryReservationFlags of(TaskAttributes attributes, String workerSid, boolean onPingWorkflow,
                                       Function<String, Optional<Incident>> incidents) {
        Optional<String> incidentId = attributes.string(RecoveryAttributes.LIFELINE_INCIDENT);
        if (incidentId.isEmpty()) {
            return ORDINARY;
        }
        boolean reconnectTask = attributes.string(RecoveryAttributes.IS_RECONNECT).map("true"::equalsIgnoreCase).orElse(false);
        // The ping is routed to the dropped agent alone (known worker = disconnectedWorkerSid); accepting a stale one
        // only completes it, so its attributes are enough.
        boolean ping = onPingWorkflow || !reconnectTask;
        boolean reconnect = !ping && incidents.apply(incidentId.get())
                .filter(now -> isTheReturningAgentsReconnect(now, attributes, workerSid)).isPresent();
        return new RecoveryReservationFlags(ping, reconnect, incidentId.get());
    }

    /**
     * The reconnect for the returning agent: offered to the incident's dropped worker, on a task that targets that
     * worker, while the incident waits for exactly that (RECONNECT_ENQUEUED). Once the incident moved on (requeued,
     * expired, cancelled, or already reconnected) nothing about it is accepted without the agent's click.
     */
    private static boolean isTheReturningAgentsReconnect(Incident incident, TaskAttributes attributes, String workerSid) {
        boolean droppedAgent = incident.droppedWorker().workerSid().equals(workerSid);
        boolean targetsThem = attributes.string(RecoveryAttributes.TARGET_WORKER_SID).map(workerSid::equals).orElse(false);
        return droppedAgent && targetsThem && incident.phase() == Phase.RECONNECT_ENQUEUED;
    }
}
