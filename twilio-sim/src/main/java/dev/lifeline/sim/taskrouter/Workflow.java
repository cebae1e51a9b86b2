package dev.lifeline.sim.taskrouter;

import java.time.Instant;

/** Routing rules for the tasks created on it; {@link WorkflowConfiguration} is its parsed {@code Configuration}. */
final class Workflow {

    /** Twilio's default {@code TaskReservationTimeout} in seconds. */
    static final int DEFAULT_RESERVATION_TIMEOUT = 120;

    final String sid;
    String friendlyName;
    String configurationJson;
    WorkflowConfiguration configuration;
    String assignmentCallbackUrl;
    String fallbackAssignmentCallbackUrl;
    int taskReservationTimeout = DEFAULT_RESERVATION_TIMEOUT;
    final Instant created;
    Instant updated;

    Workflow(String sid, String friendlyName, String configurationJson, WorkflowConfiguration configuration, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.configurationJson = configurationJson;
        this.configuration = configuration;
        this.created = now;
        this.updated = now;
    }
}
