package dev.lifeline.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The stand-alone twilio-sim ({@code dev.lifeline.sim.TwilioSim}) in its own process, answering to the account the
 * servers are configured with and signing its webhooks with that account's auth token, its SIP Domain on a free port
 * of loopback. Read through its {@code /sim} API and, as Flex would have set up an account, written through the
 * twilio-java SDK.
 */
final class StandAloneEmulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JavaProcess process;
    private final String baseUrl;
    private final int sipPort;
    private final String accountSid;
    private final String authToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private StandAloneEmulator(JavaProcess process, String baseUrl, int sipPort, String accountSid, String authToken) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.sipPort = sipPort;
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    /** @param mediaTimeout how long a SIP leg may go without RTP (a SIGKILLed desktop's leg) before it is dropped */
    static StandAloneEmulator start(Path logs, String accountSid, String authToken, Duration mediaTimeout, Duration timeout) {
        JavaProcess process = JavaProcess.start("twilio-sim", logs, "dev.lifeline.sim.TwilioSim", List.of("0"), Map.of(
                "TWILIO_SIM_ACCOUNT_SID", accountSid, "TWILIO_SIM_AUTH_TOKEN", authToken, "TWILIO_SIM_SIP_PORT", "0",
                "TWILIO_SIM_MEDIA_TIMEOUT", mediaTimeout.toMillis() + "ms"));
        try {
            Matcher started = process.awaitLine("twilio-sim on (http://localhost:\\d+) account \\S+ sip (\\d+)", timeout);
            return new StandAloneEmulator(process, started.group(1), Integer.parseInt(started.group(2)), accountSid,
                    authToken);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    int sipPort() {
        return sipPort;
    }

    /** The twilio-java SDK pointed at the emulator with the account's credentials. */
    TwilioRestClient client() {
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new EmulatorHttpClient(baseUrl)).build();
    }

    /** The whole world, {@code GET /sim/state}. */
    Map<String, Object> state() {
        return get("/sim/state");
    }

    /** A customer calls the number behind the voice workflow and sends {@code toneHz} into the call; returns its call SID. */
    String customerCallsIn(String from, String workflowSid, double toneHz) {
        Map<String, Object> call = send("POST", "/sim/calls/inbound",
                Map.of("from", from, "workflowSid", workflowSid, "tone", toneHz), 201);
        return (String) call.get("callSid");
    }

    /** How many of the 25 ms blocks of the call's last second carried {@code frequency} (Goertzel, in the emulator). */
    int heardHits(String callSid, double frequency) {
        Object hits = get("/sim/calls/" + callSid + "/heard?seconds=1&frequency=" + frequency).get("hits");
        return ((Number) hits).intValue();
    }

    private Map<String, Object> get(String path) {
        return send("GET", path, null, 200);
    }

    private Map<String, Object> send(String method, String path, Map<String, Object> body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String describe() {
        return process.describe();
    }

    @Override
    public void close() {
        process.close();
    }
}
