package dev.lifeline.sim.taskrouter;

/** A reservation's {@code reservation_status} (wire value = lower-case name). */
enum ReservationStatus {
    PENDING, ACCEPTED, REJECTED, TIMEOUT, CANCELED, RESCINDED, WRAPPING, COMPLETED;

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Twilio counts a reservation against the worker's channel capacity while it is pending, accepted or wrapping. */
    boolean consumesCapacity() {
        return this == PENDING || this == ACCEPTED || this == WRAPPING;
    }
}
