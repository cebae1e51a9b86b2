package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/** {@code reject}: decline the offered task; TaskRouter offers it to someone else. */
public record RejectReservation(String reservationSid) implements ClientCommand {

    public RejectReservation {
        Require.text(reservationSid, "reservationSid");
    }
}
