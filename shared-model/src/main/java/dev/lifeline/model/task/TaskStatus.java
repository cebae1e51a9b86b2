package dev.lifeline.model.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A TaskRouter task's {@code assignment_status}; the wire values are TaskRouter's own. */
public enum TaskStatus {
    @JsonProperty("pending")
    PENDING(false),
    @JsonProperty("reserved")
    RESERVED(false),
    @JsonProperty("assigned")
    ASSIGNED(false),
    @JsonProperty("wrapping")
    WRAPPING(false),
    @JsonProperty("completed")
    COMPLETED(true),
    @JsonProperty("canceled")
    CANCELED(true);

    private final boolean finished;

    TaskStatus(boolean finished) {
        this.finished = finished;
    }

    /** True for {@code completed} and {@code canceled}: TaskRouter allows no further transition. */
    public boolean isFinished() {
        return finished;
    }
}
