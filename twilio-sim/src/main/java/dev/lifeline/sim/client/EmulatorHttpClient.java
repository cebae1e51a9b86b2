package dev.lifeline.sim.client;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Points the real twilio-java SDK at the emulator, or at any Twilio-compatible endpoint that serves Twilio's paths
 * on one host (the server's {@code twilio.base-url} in twilio mode). The SDK has no base-URL setting: every resource builds
 * {@code https://<product>.twilio.com/<path>}, so this client swaps scheme, host and port for the
 * emulator's and keeps the path, which the emulator serves verbatim (Voice under {@code /2010-04-01},
 * TaskRouter under {@code /v1/Workspaces}, Event Streams under {@code /v1/Sinks} and {@code /v1/Subscriptions}).
 *
 * <p>Use {@code localhost} in the base URL: twilio-java rewrites two-label host names (twilio-api.md §6).
 * Requires the twilio-java SDK on the class path (an optional dependency of this module).
 */
public final class EmulatorHttpClient extends HttpClient {

    private final String baseUrl;
    private final NetworkHttpClient delegate = new NetworkHttpClient();

    /** @param baseUrl e.g. {@code http://localhost:18080} */
    public EmulatorHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        Request rewritten = new Request(request.getMethod(), baseUrl + pathOf(request.getUrl()));
        if (request.getAuthStrategy() != null) {
            rewritten.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            rewritten.setAuth(request.getUsername(), request.getPassword());
        }
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> rewritten.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> rewritten.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> rewritten.addHeaderParam(name, v)));
        rewritten.setContentType(request.getContentType());
        rewritten.setBody(request.getBody());
        rewritten.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getFormParameters() != null) {
            rewritten.setFormParameters(request.getFormParameters());
        }
        return delegate.makeRequest(rewritten);
    }

    /**
     * Everything after the host. Not parsed with {@link URI}: the SDK hands over the URL before encoding it
     * (a participant label may contain a space), and encodes the path segments itself when it sends.
     */
    private static String pathOf(String url) {
        int schemeEnd = url.indexOf("://");
        int pathStart = url.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
        return pathStart < 0 ? "/" : url.substring(pathStart);
    }
}
