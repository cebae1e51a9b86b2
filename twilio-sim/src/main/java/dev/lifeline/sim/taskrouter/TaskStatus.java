package dev.lifeline.sim.taskrouter;

/** A task's {@code assignment_status} (wire value = lower-case name). */
enum TaskStatus {
    PENDING, RESERVED, ASSIGNED, WRAPPING, COMPLETED, CANCELED;

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Still waiting for a worker: the TTL and the workflow steps apply only in these states. */
    boolean isWaiting() {
        return this == PENDING || this == RESERVED;
    }

    boolean isFinal() {
        return this == COMPLETED || this == CANCELED;
    }
}
