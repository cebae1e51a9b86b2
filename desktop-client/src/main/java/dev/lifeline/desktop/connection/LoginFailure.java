package dev.lifeline.desktop.connection;

/** Why a sign-in failed, in a sentence the login window shows as it is (never a stack trace). */
public final class LoginFailure extends Exception {

    /** The kinds of failure the agent can do something different about. */
    public enum Kind {
        WRONG_CREDENTIALS,
        UNREACHABLE,
        TLS,
        REFUSED,
        SERVER_ERROR
    }

    private final Kind kind;

    public LoginFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
