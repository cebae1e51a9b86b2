package dev.lifeline.sim.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One callback to deliver: either form parameters or a JSON body, to a URL, with a retry policy.
 *
 * @param orderingKey callbacks with the same key are delivered in the order they were sent unless a
 *                    fault says otherwise (Twilio orders a conference's callbacks; use the conference SID)
 */
public record Webhook(String url, Map<String, String> form, String json, RetryPolicy retry, String orderingKey,
                      String method) {

    /** A POST (the method every callback used before {@code method} existed). */
    public Webhook(String url, Map<String, String> form, String json, RetryPolicy retry, String orderingKey) {
        this(url, form, json, retry, orderingKey, "POST");
    }

    public static Webhook form(String url, Map<String, String> params, String orderingKey) {
        return new Webhook(url, new LinkedHashMap<>(params), null, RetryPolicy.VOICE, orderingKey);
    }

    /**
     * A form callback sent with {@code method} ({@code GET} puts the parameters in the query string, as Twilio
     * does for {@code StatusCallbackMethod=GET}); any other value means POST.
     */
    public static Webhook form(String url, Map<String, String> params, String orderingKey, String method) {
        return new Webhook(url, new LinkedHashMap<>(params), null, RetryPolicy.VOICE, orderingKey,
                "GET".equalsIgnoreCase(method) ? "GET" : "POST");
    }

    public boolean isGet() {
        return "GET".equals(method);
    }

    public static Webhook json(String url, String body, RetryPolicy retry, String orderingKey) {
        return new Webhook(url, Map.of(), body, retry, orderingKey);
    }

    public boolean isJson() {
        return json != null;
    }

    /**
     * How hard to try. Voice callbacks: one retry on a connection failure only (Twilio's default
     * {@code rc=1}, retry policy {@code ct}). Event Streams: at least once, with backoff, on any failure.
     */
    public enum RetryPolicy {
        VOICE(1, false),
        EVENT_STREAMS(12, true);

        final int maxRetries;
        final boolean retryOnHttpError;

        RetryPolicy(int maxRetries, boolean retryOnHttpError) {
            this.maxRetries = maxRetries;
            this.retryOnHttpError = retryOnHttpError;
        }
    }
}
