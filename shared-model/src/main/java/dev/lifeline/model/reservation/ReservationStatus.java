package dev.lifeline.model.reservation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A TaskRouter reservation's {@code reservation_status}; the wire values are TaskRouter's own.
 * Only {@code pending} reservations may be accepted or rejected (TaskRouter answers 40136/40144 otherwise).
 */
public enum ReservationStatus {
    @JsonProperty("pending")
    PENDING(false),
    @JsonProperty("accepted")
    ACCEPTED(false),
    @JsonProperty("rejected")
    REJECTED(true),
    @JsonProperty("timeout")
    TIMEOUT(true),
    @JsonProperty("canceled")
    CANCELED(true),
    @JsonProperty("rescinded")
    RESCINDED(true),
    @JsonProperty("wrapping")
    WRAPPING(false),
    @JsonProperty("completed")
    COMPLETED(true);

    private final boolean finished;

    ReservationStatus(boolean finished) {
        this.finished = finished;
    }

    /** True when the reservation can no longer change (TaskRouter keeps it only as history). */
    public boolean isFinished() {
        return finished;
    }
}
