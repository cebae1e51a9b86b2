package dev.lifeline.server.http;

/** URLs Twilio fetches from this server: configured as absolute URLs, or as paths under the server's public base URL. */
public final class PublicUrls {

    private PublicUrls() {
    }

    /** {@code url} as given when absolute, else under {@code publicBaseUrl}. */
    public static String absolute(String publicBaseUrl, String url) {
        return url.startsWith("http") ? url : publicBaseUrl + url;
    }
}
