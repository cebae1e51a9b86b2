package dev.lifeline.model.event;

import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.validation.Require;

/** {@code reservation-offered}: TaskRouter reserved a task for this agent; the desktop rings until the ring deadline. */
public record ReservationOffered(ReservationView reservation) implements ServerEvent {

    public ReservationOffered {
        Require.present(reservation, "reservation");
    }
}
