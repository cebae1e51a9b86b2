package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.TaskAttributes;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which agent a worker leg belongs to and the task/reservation/workflow that agent accepted. Stored per
 * participant: after a transfer two agents' tasks share the conference, and the original's
 * per-conference "first writer wins" task SID next to a "last writer wins" attributes blob paired one
 * agent's task with another agent's reservation (seed §8.4).
 */
public record WorkerAssignment(
        String workerSid,
        String workerName,
        String reservationSid,
        String taskSid,
        String workflowSid,
        TaskAttributes taskAttributes) implements Serializable {

    public WorkerAssignment {
        Objects.requireNonNull(workerSid, "workerSid");
        Objects.requireNonNull(reservationSid, "reservationSid");
        Objects.requireNonNull(taskSid, "taskSid");
        Objects.requireNonNull(workflowSid, "workflowSid");
        workerName = workerName == null ? "" : workerName;
        taskAttributes = taskAttributes == null ? TaskAttributes.empty() : taskAttributes;
    }
}
