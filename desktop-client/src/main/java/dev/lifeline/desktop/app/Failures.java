package dev.lifeline.desktop.app;

import java.util.concurrent.CompletionException;

/** The sentence to show for a failed command: the cause's own message (the connection layer words them for people). */
public final class Failures {

    private Failures() {
    }

    public static String text(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? "The server did not accept that." : cause.getMessage();
    }
}
