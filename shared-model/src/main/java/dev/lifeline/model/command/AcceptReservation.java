package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code accept}: take the offered task. The server accepts it in TaskRouter with the {@code conference}
 * instruction, so the agent's desktop never sets conference flags itself.
 */
public record AcceptReservation(String reservationSid) implements ClientCommand {

    public AcceptReservation {
        Require.text(reservationSid, "reservationSid");
    }
}
