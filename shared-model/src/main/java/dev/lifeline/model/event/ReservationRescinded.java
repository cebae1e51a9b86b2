package dev.lifeline.model.event;

import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.validation.Require;

/**
 * {@code reservation-rescinded}: an offer is gone before the agent answered it: it timed out, the task was
 * canceled (e.g. the caller hung up), or TaskRouter rescinded it because another agent got the task. The desktop
 * stops ringing.
 *
 * @param reservationSid the reservation that is gone
 * @param status         its final TaskRouter status ({@code timeout}, {@code canceled}, {@code rescinded}, …)
 */
public record ReservationRescinded(String reservationSid, ReservationStatus status) implements ServerEvent {

    public ReservationRescinded {
        Require.text(reservationSid, "reservationSid");
        Require.present(status, "status");
    }
}
