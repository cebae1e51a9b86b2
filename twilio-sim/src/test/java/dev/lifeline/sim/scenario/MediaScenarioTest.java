package dev.lifeline.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.media.Wav;
import dev.lifeline.sim.testsupport.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Simulated customers' audio through the scenario API: a tone in, a recording out, {@code <Play>} of real WAVs. */
class MediaScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AUDIO = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private TwilioSim sim;

    @BeforeEach
    void start() {
        sim = TwilioSim.builder().port(0).media(true).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<byte[]> call(String method, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(String method, String path, String body) {
        try {
            return JSON.readTree(call(method, path, body).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String inbound(String twiml, String extra) {
        return json("POST", "/sim/calls/inbound", "{\"from\":\"+15551234567\",\"twiml\":" + JSON.valueToTree(twiml)
                + (extra == null ? "" : "," + extra) + "}").path("callSid").asText();
    }

    /** A Conference update with {@code AnnounceUrl}, as the REST API takes it. */
    private HttpResponse<String> announce(String conference, String announceUrl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2010-04-01/Accounts/" + sim.accountSid()
                        + "/Conferences/" + conference + ".json"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (sim.accountSid() + ":" + sim.authToken()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("AnnounceUrl=" + java.net.URLEncoder.encode(announceUrl,
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean heard(String callSid, double frequency, double seconds) {
        return json("GET", "/sim/calls/" + callSid + "/heard?frequency=" + frequency + "&seconds=" + seconds, null)
                .path("heard").asBoolean();
    }

    @Test
    void twoCustomersInAConferenceHearEachOthersTonesThroughTheScenarioApi() {
        String room = "<Response><Dial><Conference>room</Conference></Dial></Response>";
        String first = inbound(room, "\"tone\":1000");
        String second = inbound(room, "\"tone\":440");

        Await.until(() -> heard(first, 440, 1) && heard(second, 1000, 1), AUDIO, () -> "each tone at the other end");
        assertThat(heard(first, 1000, 1)).isFalse();
        JsonNode detail = json("GET", "/sim/calls/" + first + "/heard?frequency=440", null);
        assertThat(detail.path("hits").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(detail.path("ratio").asDouble()).isGreaterThan(0.5);

        byte[] recording = call("GET", "/sim/calls/" + first + "/recording.wav", null).body();
        assertThat(Wav.read(recording).length).isGreaterThan(1600);
    }

    @Test
    void playLoopZeroOfTheBuiltInHoldMusicPlaysTheRealFileUntilMoved() {
        String caller = inbound("<Response><Play loop=\"0\">" + sim.baseUrl() + "/sim/media/hold-music.wav</Play></Response>", null);
        Await.until(() -> heard(caller, 261.63, 8), AUDIO, () -> "hold music at the caller");
        assertThat(call("GET", "/sim/media/announcement.wav", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAnnouncementToTheConferenceIsHeardByEveryPartyOverRtpThenTheyHearEachOtherAgain() throws Exception {
        String room = "<Response><Dial><Conference>announced</Conference></Dial></Response>";
        String first = inbound(room, "\"tone\":1000");
        String second = inbound(room, "\"tone\":440");
        Await.until(() -> heard(first, 440, 1) && heard(second, 1000, 1), AUDIO, () -> "each tone at the other end");
        String conference = sim.voice().snapshot().toString().replaceAll("(?s).*sid=(CF[0-9a-f]{32}).*", "$1");

        HttpResponse<String> announced = announce(conference, sim.baseUrl() + "/sim/media/announcement.wav");

        assertThat(announced.statusCode()).isEqualTo(200);
        // The chime's top note (G5, 784 Hz) is in neither tone nor the hold music.
        Await.until(() -> heard(first, 783.99, 1) && heard(second, 783.99, 1), AUDIO, () -> "the chime at both ends");
        Await.until(() -> !heard(first, 783.99, 1) && heard(first, 440, 1), AUDIO, () -> "the chime over, the other party back");
    }

    /**
     * Twilio fetches an {@code AnnounceUrl} and plays an audio file or TwiML of {@code <Say>}, {@code <Play>} and
     * {@code <Pause>}: a TwiML announcement's {@code <Say>} is heard by every party (their spoken texts, requested with
     * POST, the default {@code AnnounceMethod}) and its {@code <Play>} over RTP, as Lifeline's callback whisper is.
     */
    @Test
    void aTwimlAnnouncementIsHeardItsSayAsTextAndItsPlayOverRtp() throws Exception {
        String room = "<Response><Dial><Conference>whispered</Conference></Dial></Response>";
        String first = inbound(room, "\"tone\":1000");
        String second = inbound(room, "\"tone\":440");
        Await.until(() -> heard(first, 440, 1) && heard(second, 1000, 1), AUDIO, () -> "each tone at the other end");
        String conference = sim.voice().snapshot().toString().replaceAll("(?s).*sid=(CF[0-9a-f]{32}).*", "$1");
        byte[] twiml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Callback for +15551230047, billing."
                + "</Say><Play>" + sim.baseUrl() + "/sim/media/announcement.wav</Play></Response>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> methods = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whisper", exchange -> {
            methods.add(exchange.getRequestMethod());
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, twiml.length);
            exchange.getResponseBody().write(twiml);
            exchange.close();
        });
        server.start();
        try {
            HttpResponse<String> announced = announce(conference, "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/whisper");

            assertThat(announced.statusCode()).isEqualTo(200);
            Await.until(() -> sim.voice().spoken(first).contains("Callback for +15551230047, billing.")
                    && sim.voice().spoken(second).contains("Callback for +15551230047, billing."), AUDIO,
                    () -> "the <Say> heard by both parties: " + sim.voice().spoken(first));
            // The chime's top note (G5, 784 Hz) is in neither tone nor the hold music: the <Play> inside the TwiML.
            Await.until(() -> heard(first, 783.99, 1) && heard(second, 783.99, 1), AUDIO, () -> "the chime at both ends");
            assertThat(methods).contains("POST");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anInProcessCustomerCanBeGivenAToneAndHeardThroughTheJavaApi() {
        String a = sim.voice().inboundCall("+1555", "+1556", "<Response><Dial><Conference>r</Conference></Dial></Response>");
        String b = sim.voice().inboundCall("+1557", "+1556", "<Response><Dial><Conference>r</Conference></Dial></Response>");
        sim.media().farEndSends(a, new ToneGenerator(1000, 0.3));
        Await.until(() -> dev.lifeline.sim.media.Goertzel.detect(sim.media().farEndHeard(b).last(1), 1000, 8000).hits() >= 10,
                AUDIO, () -> "1000 Hz at b");
    }

    @Test
    void aWavTheEmulatorCannotPlayGivesSilenceNotAnError() throws IOException {
        byte[] stereo = Wav.write(ToneGenerator.samples(440, 0.5, 2));
        stereo[22] = 2; // claims two channels
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stereo.wav", exchange -> {
            exchange.sendResponseHeaders(200, stereo.length);
            exchange.getResponseBody().write(stereo);
            exchange.close();
        });
        server.start();
        try {
            String caller = inbound("<Response><Play loop=\"0\">http://127.0.0.1:" + server.getAddress().getPort()
                    + "/stereo.wav</Play></Response>", null);
            Await.until(() -> json("GET", "/sim/calls/" + caller + "/heard?frequency=440&seconds=1", null)
                    .path("seconds").asDouble() >= 1, AUDIO, () -> "a second of audio");
            assertThat(json("GET", "/sim/calls/" + caller + "/heard?frequency=440&seconds=1", null)
                    .path("soundingBlocks").asInt()).isZero();
            assertThat(sim.voice().callStatus(caller)).isEqualTo("in-progress");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badAudioRequestsAre4xxWithTwiliosErrorShape() {
        assertThat(call("POST", "/sim/calls/inbound", "{\"from\":\"+1555\",\"twiml\":\"<Response/>\",\"tone\":\"loud\"}")
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/sim/calls/inbound", "{\"from\":\"+1555\",\"twiml\":\"<Response/>\",\"tone\":1000,"
                + "\"wavUrl\":\"http://x/y.wav\"}").statusCode()).isEqualTo(400);
        String caller = inbound("<Response><Pause length=\"60\"/></Response>", null);
        assertThat(call("GET", "/sim/calls/" + caller + "/heard", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/sim/calls/" + caller + "/heard?frequency=9000", null).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> unknown = call("GET", "/sim/calls/CA00000000000000000000000000000000/heard?frequency=440", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body())).contains("\"code\":20404");
        assertThat(call("GET", "/sim/media/other.wav", null).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutMediaTheAudioRoutesSayHowToTurnItOn() {
        try (TwilioSim plain = TwilioSim.builder().port(0).start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(plain.baseUrl() + "/sim/calls/CA1/heard?frequency=440")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("media(true)");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void digitsSentOverRtpBySimulatedCustomerReachTheGatherAsTelephoneEvents() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.BlockingQueue<String> actions = new java.util.concurrent.LinkedBlockingQueue<>();
        server.createContext("/menu", exchange -> {
            actions.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] twiml = "<Response><Pause length=\"60\"/></Response>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, twiml.length);
            exchange.getResponseBody().write(twiml);
            exchange.close();
        });
        server.start();
        try {
            String callSid = inbound("<Response><Gather action=\"http://127.0.0.1:" + server.getAddress().getPort()
                    + "/menu\" timeout=\"30\"><Say>Enter your number</Say></Gather></Response>", null);

            HttpResponse<byte[]> sent = call("POST", "/sim/calls/" + callSid + "/digits", "{\"digits\":\"12#\",\"rtp\":true}");

            assertThat(sent.statusCode()).isEqualTo(202);
            String action = actions.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(action).contains("Digits=12").contains("FinishedOnKey=%23");
            assertThat(sim.voice().effects(callSid)).containsEntry("rtpDigit", 3);
            assertThat(call("POST", "/sim/calls/" + callSid + "/digits", "{\"digits\":\"1x\",\"rtp\":true}").statusCode())
                    .isEqualTo(400);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aQueuedCallerHearsItsWaitUrlsPlayInsteadOfTheBuiltInHoldMusic() throws IOException {
        byte[] tone = Wav.write(ToneGenerator.samples(1000, 0.5, 2));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/tone.wav", exchange -> {
            exchange.sendResponseHeaders(200, tone.length);
            exchange.getResponseBody().write(tone);
            exchange.close();
        });
        server.createContext("/wait", exchange -> {
            byte[] twiml = ("<Response><Play loop=\"0\">" + base + "/tone.wav</Play></Response>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, twiml.length);
            exchange.getResponseBody().write(twiml);
            exchange.close();
        });
        server.start();
        try {
            String caller = inbound("<Response><Enqueue waitUrl=\"" + base + "/wait\">support</Enqueue></Response>", null);

            Await.until(() -> heard(caller, 1000, 1), AUDIO, () -> "the waitUrl's tone at the caller");
            assertThat(heard(caller, 261.63, 1)).isFalse(); // the built-in hold music's C
            assertThat(sim.voice().effects(caller)).containsEntry("waitUrlRequested", 1);
        } finally {
            server.stop(0);
        }
    }
}
