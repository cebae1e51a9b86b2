package dev.lifeline.desktop.connection;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.problem.Problem;

/**
 * A command the server refused or could not be sent. {@link #getMessage()} is the sentence to show: the
 * problem's {@code detail} (or title), or why the server could not be reached.
 */
public final class ServerProblem extends RuntimeException {

    private final int status;

    public ServerProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ServerProblem of(Problem problem) {
        String text = problem.detail() != null ? problem.detail() : problem.title();
        return new ServerProblem(problem.status(), text);
    }

    public static ServerProblem unreachable(ServerAddress server) {
        return new ServerProblem(0, "The server at " + server.display() + " cannot be reached right now.");
    }

    /**
     * The HTTP status a failed command came back with: 0 when the server was not reached, -1 when the failure was no
     * server answer at all. What {@link Failures#inPlainWords(int)} words for the status bar.
     */
    public static int statusOf(Throwable failure) {
        return Failures.cause(failure) instanceof ServerProblem problem ? problem.status() : -1;
    }

    /** The HTTP status, or 0 when no answer came back. */
    public int status() {
        return status;
    }
}
