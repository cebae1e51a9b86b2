package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The composed server in sim mode, over real HTTP: what an operator and a desktop see first. */
class LifelineServerTest {

    private static LifelineServer server;
    private static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
            new ch.qos.logback.core.read.ListAppender<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "server-test-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", "5871",
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:5871")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path));
    }

    @Test
    void healthReportsTheClusterAndTheEmulatedTwilioAsUp() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(server.managementBaseUrl() + "/health")));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mode\":\"sim\"").contains("\"members\":1");
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(server.managementBaseUrl() + "/metrics")));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("lifeline_incidents_opened_total");
    }

    @Test
    void theDemoAgentCanSignInAndReadHerState() throws Exception {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"alice-demo\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> state = send(to("/api/me/state").header("Authorization", "Bearer " + token));

        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains("\"type\":\"snapshot\"").contains("\"identity\":\"alice\"");
    }

    @Test
    void theSignedInAgentGetsHerSipAccountOnTheEmbeddedEmulatorsSipListenerAndHerWorkerIsReachedThere() throws Exception {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"alice-demo\"}")));
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> phone = send(to("/api/me/softphone").header("Authorization", "Bearer " + token));

        assertThat(phone.statusCode()).isEqualTo(200);
        SoftphoneAccount account = JsonCodec.shared().decode(phone.body(), SoftphoneAccount.class);
        assertThat(server.sim().sip()).as("sim mode starts the emulator's SIP listener").isNotNull();
        assertThat(account.addressOfRecord()).isEqualTo("sip:alice@lifeline.sip.twilio.com");
        assertThat(account.proxyHost()).isEqualTo("127.0.0.1");
        assertThat(account.proxyPort()).isEqualTo(server.sim().sip().port());
        assertThat(server.sim().sipDomains().registration("lifeline.sip.twilio.com", "alice").ha1()).isNotNull();
        assertThat(server.sim().snapshot().toString()).as("alice's worker's contact_uri").contains("sip:alice@lifeline.sip.twilio.com");
    }

    /** Issue 18: the composed server gives the demo supervisor a phone of his own and serves the listen routes. */
    @Test
    void theDemoSupervisorGetsHisOwnSipAccountAndTheListenRoutesAreHisAlone() throws Exception {
        String sam = tokenOf("sam", "sam-demo");
        String alice = tokenOf("alice", "alice-demo");
        String unknownCall = dev.lifeline.model.api.DesktopApi.path(dev.lifeline.model.api.DesktopApi.LISTEN,
                "CF00000000000000000000000000000000");

        HttpResponse<String> phone = send(to("/api/me/softphone").header("Authorization", "Bearer " + sam));
        HttpResponse<String> samListens = send(to(unknownCall).header("Authorization", "Bearer " + sam)
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> aliceListens = send(to(unknownCall).header("Authorization", "Bearer " + alice)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(phone.statusCode()).isEqualTo(200);
        assertThat(JsonCodec.shared().decode(phone.body(), SoftphoneAccount.class).addressOfRecord())
                .isEqualTo("sip:sam@lifeline.sip.twilio.com");
        assertThat(server.sim().sipDomains().registration("lifeline.sip.twilio.com", "sam").ha1()).isNotNull();
        assertThat(samListens.statusCode()).as("a call the server does not know").isEqualTo(404);
        assertThat(aliceListens.statusCode()).as("an agent may not listen in").isEqualTo(403);
    }

    private String tokenOf(String user, String password) throws Exception {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"nope\"}")));

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(login.body()).contains("Wrong user name or password");
    }

    @Test
    void anUnsignedConferenceCallbackIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = send(to("/webhooks/conference")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ConferenceSid=CF1&StatusCallbackEvent=participant-leave&SequenceNumber=1&CallSid=CA1")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.engine().conferences().get("CF1")).isEmpty();
    }

    @Test
    void aWebhookWithTheWrongContentTypeIsRefusedWith415() throws Exception {
        HttpResponse<String> response = send(to("/webhooks/taskrouter").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("[]")));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        HttpResponse<String> response = send(to("/webhooks/taskrouter").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + "\"x\",".repeat(40_000) + "\"x\"]")));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void secretsNeverReachTheLogs() throws Exception {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bob\",\"password\":\"bob-demo\"}")));
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bob\",\"password\":\"guessed-wrong\"}")));
        String sipPassword = JsonCodec.shared().decode(send(to("/api/me/softphone").header("Authorization", "Bearer " + token))
                .body(), SoftphoneAccount.class).password();

        String everything = logs.list.stream().map(e -> e.getFormattedMessage() + " " + java.util.Arrays.toString(e.getArgumentArray()))
                .collect(java.util.stream.Collectors.joining("\n"));

        assertThat(everything).contains("signed in").doesNotContain(server.sim().authToken())
                .doesNotContain(token).doesNotContain("bob-demo").doesNotContain("guessed-wrong").doesNotContain(sipPassword);
    }

    @Test
    void anUnknownPathIsAProblemNotAStackTrace() throws Exception {
        HttpResponse<String> response = send(to("/no/such/thing"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }
}
