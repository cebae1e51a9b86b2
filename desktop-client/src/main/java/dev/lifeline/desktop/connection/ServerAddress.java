package dev.lifeline.desktop.connection;

import okhttp3.HttpUrl;

/**
 * The server's base URL as the agent typed it ({@code http://localhost:8080}, {@code https://lifeline.example}),
 * checked once so every request and the WebSocket are built from the same, valid address.
 */
public final class ServerAddress {

    private final HttpUrl base;

    private ServerAddress(HttpUrl base) {
        this.base = base;
    }

    /**
     * Parses what the agent typed; a missing scheme means {@code https://} (never silently downgrade to plain text).
     *
     * @throws IllegalArgumentException with a sentence fit for the login window
     */
    public static ServerAddress parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("Enter the server address, e.g. https://lifeline.example.com");
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("\"" + typed.strip() + "\" is not a server address (use http:// or https://)");
        }
        return new ServerAddress(url.newBuilder().encodedPath("/").query(null).fragment(null).build());
    }

    /** {@code base + path}; {@code path} is already encoded (built by {@code DesktopApi.path}). */
    public HttpUrl http(String encodedPathAndQuery) {
        return HttpUrl.get(base.toString().replaceAll("/$", "") + encodedPathAndQuery);
    }

    /** The same path over {@code ws://} or {@code wss://}; OkHttp wants the http(s) form and upgrades itself. */
    public String webSocket(String encodedPathAndQuery) {
        return http(encodedPathAndQuery).toString();
    }

    public boolean isSecure() {
        return base.isHttps();
    }

    /**
     * Plain {@code http://} to another machine: the password, the session token and every call's details would
     * cross the network readable by anyone on the way. Loopback stays on this machine (the demo, a local proxy).
     */
    public boolean isPlainTextOverTheNetwork() {
        if (base.isHttps()) {
            return false;
        }
        String host = base.host();
        return !(host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1"));
    }

    /** What to show the agent: scheme, host and port. */
    public String display() {
        return base.scheme() + "://" + base.host() + (base.port() == HttpUrl.defaultPort(base.scheme()) ? "" : ":" + base.port());
    }

    @Override
    public String toString() {
        return display();
    }
}
