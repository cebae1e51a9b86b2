package dev.lifeline.desktop.connection;

/** What the status bar shows about the link to the server, at all times. */
public enum ConnectionState {
    /** Not signed in yet (the login window). */
    SIGNED_OUT("Not signed in"),
    /** First connection of the event stream after login. */
    CONNECTING("Connecting to server…"),
    /** Events arrive; heartbeats go out. */
    CONNECTED("Connected"),
    /** The stream dropped; retrying with backoff. Commands may fail meanwhile. */
    RECONNECTING("Reconnecting to server…");

    private final String text;

    ConnectionState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
