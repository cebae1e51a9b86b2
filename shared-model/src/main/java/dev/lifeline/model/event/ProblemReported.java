package dev.lifeline.model.event;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.validation.Require;

/**
 * {@code error}: something the desktop sent over the socket, or something the server tried on the agent's behalf,
 * failed. Same body as a REST error, so the desktop shows it the same way.
 */
public record ProblemReported(Problem problem) implements ServerEvent {

    public ProblemReported {
        Require.present(problem, "problem");
    }
}
