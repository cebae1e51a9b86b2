package dev.lifeline.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.sim.media.Goertzel;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recovery's announcement and hold music are served by the server (Twilio fetches them; the default URLs used to
 * point at files nobody served, a 404 at real Twilio), and in sim mode the customer hears the announcement over RTP
 * when the agent drops.
 */
class RecoveryAudioTest {

    /** The chime's top note (G5): in neither the hold music nor any test tone. */
    private static final double CHIME_NOTE = 783.99;

    private static LifelineServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SimModeServers.start("audio", Map.of("LIFELINE_RECOVERY_PING_TTL", "30s"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theAnnouncementAndTheHoldMusicAreWavFilesTwilioCanFetchWithoutSigningIn() throws Exception {
        for (String url : List.of(server.publicBaseUrl() + "/media/connection-interrupted.wav",
                server.publicBaseUrl() + "/media/hold-music.wav")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

                assertThat(response.statusCode()).as(method + " " + url).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");
                AudioFormat format = AudioSystem.getAudioInputStream(new ByteArrayInputStream(response.body())).getFormat();
                assertThat(format.getSampleRate()).isEqualTo(8000f);
                assertThat(format.getChannels()).isEqualTo(1);
                assertThat(format.getSampleSizeInBits()).isEqualTo(16);
                assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            }
        }
    }

    @Test
    void whenTheAgentDropsTheCustomerHearsTheServersAnnouncementOverRtp() throws Exception {
        String agentAddress = "sip:alice@lifeline.sip.twilio.com";
        server.sim().voice().registerAutoAnswer(agentAddress, Duration.ZERO);
        String token = post("/api/login", null, "{\"username\":\"alice\",\"password\":\"alice-demo\"}")
                .body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        try (TestDesktop alice = TestDesktop.connect(http, server.publicBaseUrl(), token)) {
            alice.await(StateSnapshot.class);
            String customer = post("/demo/calls", null, "").body().replaceAll(".*\"callSid\":\"([^\"]+)\".*", "$1");
            String reservation = alice.await(ReservationOffered.class, o -> !o.reservation().isRecoveryPing())
                    .reservation().reservationSid();
            assertThat(post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservation), token,
                    JsonCodec.shared().encode(new AcceptReservation(reservation))).statusCode()).isEqualTo(204);
            String agentLeg = Await.value("alice's leg in the customer's conference", () -> legTo(agentAddress));
            assertThat(chimeBlocks(customer)).as("no announcement before the drop").isZero();

            server.sim().voice().hangUp(agentLeg);

            Await.until("the drop is detected", () -> server.engine().incidents().all().stream()
                    .anyMatch(i -> customer.equals(i.customerCallSid()) && i.phase() == Phase.PINGING), Duration.ofSeconds(30));
            Await.until("the customer hears the announcement's chime", () -> chimeBlocks(customer) >= 5, Duration.ofSeconds(15));
        } finally {
            server.sim().voice().unregisterAutoAnswer(agentAddress);
        }
    }

    private static int chimeBlocks(String callSid) {
        return Goertzel.detect(server.sim().media().farEndHeard(callSid).samples(), CHIME_NOTE, 8000).hits();
    }

    @SuppressWarnings("unchecked")
    private static String legTo(String address) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) ((Map<String, Object>) server.sim().snapshot()
                .get("voice")).get("calls");
        return calls.stream().filter(c -> address.equals(c.get("to")) && "in-progress".equals(c.get("status"))
                        && c.get("conferenceSid") != null)
                .map(c -> (String) c.get("sid")).findFirst().orElse(null);
    }

    private static HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        return SimModeServers.send(http, request.build());
    }
}
