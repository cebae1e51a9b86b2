package dev.lifeline.server.scenarios;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the REST requests made through it (then hands them to {@code delegate}), as {@code METHOD /path} with every SID
 * written as its two-letter prefix and {@code …}: what one recovery costs in Twilio API calls.
 */
final class CountingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    CountingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response makeRequest(Request request) {
        String path = URI.create(request.getUrl()).getPath().replaceAll("/(AC|CA|CF|WS|WT|WR|WW|WK|WQ|WA)[0-9a-f]{32}", "/$1…");
        requests.add(request.getMethod() + " " + path);
        return delegate.makeRequest(request);
    }

    void reset() {
        requests.clear();
    }

    int count() {
        return requests.size();
    }

    /** {@code "POST /v1/Workspaces/WS…/Tasks"} → how many times, sorted by request. */
    Map<String, Integer> byRequest() {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach(request -> counts.merge(request, 1, Integer::sum));
        return counts;
    }
}
