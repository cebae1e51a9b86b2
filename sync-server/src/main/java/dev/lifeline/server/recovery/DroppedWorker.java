package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.Objects;

/**
 * The agent leg that dropped, with the task, reservation and workflow of THAT agent. After a transfer
 * the conference holds several agents' tasks; taking them from the same participant entry is what keeps
 * {@code CompleteReservation(task, reservation)} a matching pair (seed §8.4).
 */
public record DroppedWorker(
        String workerSid,
        String workerName,
        String callSid,
        String taskSid,
        String reservationSid,
        String workflowSid,
        TaskAttributes taskAttributes) implements Serializable {

    public DroppedWorker {
        Objects.requireNonNull(workerSid, "workerSid");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(taskSid, "taskSid");
        Objects.requireNonNull(reservationSid, "reservationSid");
        Objects.requireNonNull(workflowSid, "workflowSid");
        workerName = workerName == null ? "" : workerName;
        taskAttributes = taskAttributes == null ? TaskAttributes.empty() : taskAttributes;
    }
}
