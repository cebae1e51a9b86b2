package dev.lifeline.server.conference;

import java.io.Serializable;
import java.util.Objects;

/**
 * The server accepted an agent's voice reservation and saw the agent's leg and the customer in the
 * conference. Registration is what makes a later non-graceful leave of that leg a drop.
 */
public record WorkerRegistration(
        String conferenceSid,
        String workerCallSid,
        String customerCallSid,
        WorkerAssignment assignment) implements Serializable {

    public WorkerRegistration {
        Objects.requireNonNull(conferenceSid, "conferenceSid");
        Objects.requireNonNull(workerCallSid, "workerCallSid");
        Objects.requireNonNull(customerCallSid, "customerCallSid");
        Objects.requireNonNull(assignment, "assignment");
    }
}
