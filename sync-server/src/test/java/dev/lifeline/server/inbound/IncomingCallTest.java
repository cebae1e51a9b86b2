package dev.lifeline.server.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import dev.lifeline.server.provision.PhoneNumberProvisioner;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.hostile.TwilioSigning;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Twilio number whose voice URL is {@code /webhooks/voice/incoming}: the composed server in sim mode, its embedded
 * emulator calling the number as Twilio would (signed voice-URL request, TwiML run), TaskRouter offering the call
 * (issue 13 item 2).
 */
class IncomingCallTest {

    private static final String NUMBER = "+15550142000";
    private static final String CALLER = "+15551230077";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LifelineServer server;
    private static TwilioRestClient client;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SimModeServers.start("incoming", Map.of());
        client = new TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new EmulatorHttpClient(server.sim().baseUrl())).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCallToANumberPointedAtTheWebhookIsQueuedWithTheCallersFromToAndCallSidAndOfferedToAnAvailableAgent() throws Exception {
        String workspace = server.workspace().workspaceSid();
        String alice = server.workspace().workers().get("alice");
        Worker.updater(workspace, alice).setActivitySid(server.workspace().activitySid("Available")).update(client);
        PhoneNumberProvisioner.buyInSimAndPointAt(client, NUMBER, server.publicBaseUrl() + IncomingCallRoutes.PATH);

        String call = server.sim().callNumber(CALLER, NUMBER);

        var reservation = Await.present("a reservation offered to alice", () -> StreamSupport.stream(
                com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.reader(workspace, alice).read(client)
                        .spliterator(), false).findFirst());
        Task task = Task.fetcher(workspace, reservation.getTaskSid()).fetch(client);
        JsonNode attributes = JSON.readTree(task.getAttributes());
        assertThat(task.getWorkflowSid()).isEqualTo(server.workspace().voiceWorkflowSid());
        assertThat(attributes.path("from").asText()).isEqualTo(CALLER);
        assertThat(attributes.path("to").asText()).isEqualTo(NUMBER);
        assertThat(attributes.path("call_sid").asText()).isEqualTo(call);
    }

    @Test
    void aSignedRequestThatIsNotACallIsAnsweredWithASpokenApologyAnd200() {
        HttpResponse<String> response = post(Map.of("From", CALLER, "To", NUMBER), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
        assertThat(response.body()).contains("<Say>", "sorry", "<Hangup/>").doesNotContain("<Enqueue");
    }

    @Test
    void aRequestWithoutAValidSignatureIsRefusedAndQueuesNothing() {
        HttpResponse<String> response = post(Map.of("CallSid", "CA" + "1".repeat(32), "From", CALLER, "To", NUMBER), false);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("<Enqueue");
    }

    @Test
    void withoutAVoiceWorkflowTheCallerHearsTheApologyNotAnApplicationError() {
        CallEntry entry = new CallEntry(() -> null);

        String twiml = entry.answer(Optional.of(new IncomingCall("CA" + "2".repeat(32), CALLER, NUMBER)));

        assertThat(twiml).contains("<Say>", "<Hangup/>").doesNotContain("<Enqueue");
        assertThat(new CallEntry(() -> "WW" + "3".repeat(32)).answer(Optional.of(new IncomingCall("CA" + "2".repeat(32),
                CALLER, NUMBER)))).contains("<Enqueue workflowSid=\"WW" + "3".repeat(32) + "\"><Task>{\"from\":\""
                + CALLER + "\",\"to\":\"" + NUMBER + "\",\"call_sid\":\"CA" + "2".repeat(32) + "\"}</Task></Enqueue>");
    }

    private HttpResponse<String> post(Map<String, String> form, boolean signed) {
        String url = server.publicBaseUrl() + IncomingCallRoutes.PATH;
        Map<String, String> params = new LinkedHashMap<>(form);
        String body = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String signature = signed ? TwilioSigning.signForm(server.sim().authToken(), url, params) : "bm90LWEtc2lnbmF0dXJl";
        return SimModeServers.send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
