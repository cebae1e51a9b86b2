package dev.lifeline.desktop.ui;

import java.util.concurrent.CompletionException;

/** The sentence to show for a failed command. */
public final class Failures {

    private Failures() {
    }

    /** The cause's own message (the connection layer words them for people). */
    public static String text(Throwable failure) {
        Throwable cause = cause(failure);
        return cause.getMessage() == null ? "The server did not accept that." : cause.getMessage();
    }

    /**
     * What went wrong in plain words, from the HTTP status alone: never the server's detail text, which names
     * Twilio SIDs ({@code WR…}) and Twilio's own wording that mean nothing to an agent. For the status bar.
     *
     * @param status an HTTP status; 0 when no answer came back, -1 when the failure was not the server's answer
     *               (the connection layer's {@code ServerProblem.statusOf} tells which)
     */
    public static String inPlainWords(int status) {
        if (status == 0) {
            return "the server cannot be reached right now";
        }
        if (status >= 500) {
            return "the server could not do it right now; try again in a moment";
        }
        return switch (status) {
            case 401 -> "your session has expired; sign in again";
            case 403 -> "your account is not allowed to do that";
            case 404 -> "it is no longer there";
            case 409 -> "it changed in the meantime";
            case 429 -> "too many requests; wait a moment and try again";
            case 400, 422 -> "the request was not understood";
            default -> "something went wrong";
        };
    }

    /** The failure itself, out of the {@link CompletionException}s a chain of futures wraps it in. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
