package dev.lifeline.server.taskrouter;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a TaskRouter event about a ping or reconnect task into the recovery events of its incident. The
 * incident is found through the {@code lifelineIncident} attribute the recovery put on the task — one explicit
 * marker, where the original matched the ping by workflow SID in one place and by name in another (§8.7).
 */
public final class RecoveryTaskEvents {

    private final String pingWorkflowSid;
    private final Function<String, Optional<Incident>> incidents;

    /** @param incidents incident id → the incident now: whether a reconnect went to the dropped agent or elsewhere */
    public RecoveryTaskEvents(String pingWorkflowSid, Function<String, Optional<Incident>> incidents) {
        this.pingWorkflowSid = pingWorkflowSid;
        this.incidents = incidents;
    }

    /** A recovery event and the incident it belongs to. */
    public record Routed(String incidentId, RecoveryEvent event) {
    }

    public List<Routed> translate(TaskRouterEvent event) {
        TaskAttributes attributes = TaskAttributesJson.read(event.taskAttributes());
        Optional<String> incidentId = attributes.string(RecoveryAttributes.LIFELINE_INCIDENT);
        if (incidentId.isEmpty() || event.taskSid() == null) {
            return List.of();
        }
        String id = incidentId.get();
        List<Routed> routed = new ArrayList<>();
        boolean ping = pingWorkflowSid.equals(event.workflowSid());
        boolean reconnect = !ping && Boolean.TRUE.equals(attributes.values().get(RecoveryAttributes.IS_RECONNECT));
        String type = event.eventType();
        if (ping) {
            switch (type) {
                case "task.created" -> routed.add(new Routed(id, new RecoveryEvent.PingTaskCreated(event.taskSid())));
                case "reservation.accepted" -> routed.add(new Routed(id, new RecoveryEvent.PingAccepted(event.taskSid())));
                case "task.canceled" -> routed.add(new Routed(id, new RecoveryEvent.PingCanceled(event.taskSid(),
                        event.taskCanceledReason() == null ? "canceled" : event.taskCanceledReason())));
                default -> { }
            }
        } else if (reconnect) {
            switch (type) {
                case "task.created" -> routed.add(new Routed(id, new RecoveryEvent.ReconnectTaskCreated(event.taskSid())));
                case "task-queue.entered" -> routed.add(new Routed(id, new RecoveryEvent.ReconnectEnteredQueue(event.taskSid())));
                case "reservation.accepted" -> routed.addAll(reconnectAccepted(id, event));
                // The customer hung up while queued for the reconnect: TaskRouter cancels the task. The old
                // conference no longer sees the customer, so this is how the incident learns it.
                case "task.canceled" -> attributes.string(RecoveryAttributes.CALL_SID)
                        .ifPresent(call -> routed.add(new Routed(id, new RecoveryEvent.CustomerLeft(call))));
                default -> { }
            }
        }
        return routed;
    }

    private List<Routed> reconnectAccepted(String incidentId, TaskRouterEvent event) {
        List<Routed> routed = new ArrayList<>();
        Optional<Incident> incident = incidents.apply(incidentId);
        boolean elsewhere = incident.isPresent() && event.workerSid() != null
                && incident.get().phase() == Phase.RECONNECT_ENQUEUED
                && !event.workerSid().equals(incident.get().droppedWorker().workerSid());
        if (elsewhere) {
            // The step timed out and another agent took the customer: free and tell the dropped agent (§8.5b),
            // then let the new agent's conference receive the remaining parties.
            routed.add(new Routed(incidentId, new RecoveryEvent.ReconnectAssignedElsewhere(event.taskSid(), event.workerSid())));
        }
        if (event.reservationSid() != null && event.workerSid() != null) {
            routed.add(new Routed(incidentId, new RecoveryEvent.ReconnectAccepted(event.taskSid(), event.reservationSid(),
                    event.workerSid(), null, event.taskSid())));
        }
        return routed;
    }
}
