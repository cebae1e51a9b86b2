package dev.lifeline.server.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's {@code /sim} scenario API over HTTP (see twilio-sim's README): what a customer does. Over HTTP rather
 * than in-process so that it drives the emulator the cluster's members share just as it drives an embedded one.
 */
final class EmulatorScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;

    EmulatorScenario(String emulatorUrl) {
        this.baseUrl = emulatorUrl;
    }

    /** The emulator answered with an error; {@code status} and {@code message} are from its Twilio-shaped body. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** A customer calls one of the account's numbers, answered by its voice URL; @return the customer's call SID. */
    String callsNumber(String from, String to) {
        return (String) post("/sim/calls/inbound", Map.of("from", from, "to", to)).get("callSid");
    }

    /** A party is dialled into the conference and answers; @return its call SID. */
    String partyJoins(String conferenceSid, String from, String to, String label) {
        return (String) post("/sim/conferences/" + encode(conferenceSid) + "/participants",
                Map.of("from", from, "to", to, "label", label, "answer", true)).get("callSid");
    }

    void hangUp(String callSid) {
        post("/sim/calls/" + encode(callSid) + "/hangup", Map.of());
    }

    /** Every call the emulator holds, as {@code GET /sim/state} lists them under {@code voice.calls}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> calls() {
        Map<String, Object> voice = (Map<String, Object>) send(HttpRequest.newBuilder(uri("/sim/state")).GET()).get("voice");
        return (List<Map<String, Object>>) voice.get("calls");
    }

    private Map<String, Object> post(String path, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the scenario request", e);
        }
    }

    private Map<String, Object> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the emulator", e);
        }
        Map<String, Object> body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new Refused(response.statusCode(), String.valueOf(body.getOrDefault("message", "HTTP " + response.statusCode())));
        }
        return body;
    }

    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            return Map.of("message", body);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
