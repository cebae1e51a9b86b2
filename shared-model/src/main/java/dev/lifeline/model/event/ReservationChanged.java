package dev.lifeline.model.event;

import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.validation.Require;

/** {@code reservation-changed}: a reservation the desktop holds moved on (accepted → wrapping → completed). */
public record ReservationChanged(ReservationView reservation) implements ServerEvent {

    public ReservationChanged {
        Require.present(reservation, "reservation");
    }
}
