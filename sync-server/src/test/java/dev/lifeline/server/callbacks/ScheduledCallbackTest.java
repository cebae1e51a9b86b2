package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.callbacks.CallbackList;
import dev.lifeline.model.callbacks.CallbackView;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 2, through the composed server in sim mode: an agent schedules a callback from the desktop API and a
 * website through the signed API; bad input is a 400 problem naming the field, a bad signature a 401; at its time the
 * callback's task enters the queue (the emulator's TaskRouter) at the configured priority with what the agent needs.
 */
class ScheduledCallbackTest {

    private static final String SECRET = "website-shared-secret-0123456789";
    private static final int PRIORITY = 77;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LifelineServer server;
    private static TaskRouterGateway taskRouter;

    @BeforeAll
    static void start() {
        server = SimModeServers.start("callbacks", Map.of(
                "LIFELINE_CALLBACKS_HOURS", "Mon-Sun 00:00-24:00",
                "LIFELINE_CALLBACKS_WEBSITE_SECRET", SECRET,
                "LIFELINE_CALLBACKS_PRIORITY", String.valueOf(PRIORITY)));
        TwilioRestClient client = new TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new EmulatorHttpClient(server.sim().baseUrl())).build();
        taskRouter = TaskRouterGateway.over(client, server.workspace().workspaceSid());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAgentsCallbackEntersTheQueueAtItsTimeWithItsPriorityAndWhatTheAgentNeeds() throws Exception {
        // Far enough ahead that a loaded machine's slow request still arrives before it (2 s was seen to be past).
        String due = LocalDateTime.ofInstant(Instant.now().plusSeconds(8), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> scheduled = post(DesktopApi.MY_CALLBACKS, Map.of("Authorization", "Bearer " + token("alice")),
                "{\"number\":\"+1 555 123 0042\",\"reason\":\"billing question\",\"dueAt\":\"" + due + "\",\"zone\":\"UTC\"}");

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        CallbackView view = JsonCodec.shared().decode(scheduled.body(), CallbackView.class);
        assertThat(view.number()).isEqualTo("+15551230042");
        assertThat(view.state()).isEqualTo("SCHEDULED");
        assertThat(view.priority()).isEqualTo(PRIORITY);

        TaskDetails task = Await.present("the callback's task in the queue", () -> callbackTask(view.id()));
        assertThat(task.priority()).isEqualTo(PRIORITY);
        assertThat(task.workflowSid()).isEqualTo(server.workspace().voiceWorkflowSid());
        JsonNode attributes = JSON.readTree(task.attributesJson());
        assertThat(attributes.path("type").asText()).isEqualTo("callback");
        assertThat(attributes.path("to").asText()).isEqualTo("+15551230042");
        assertThat(attributes.path("callback").path("reason").asText()).isEqualTo("billing question");
        assertThat(Instant.parse(attributes.path("callback").path("requestedAt").asText()))
                .isCloseTo(view.requestedAt(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
        Await.until("the callback marked queued", () -> list("alice").stream()
                .anyMatch(c -> c.id().equals(view.id()) && c.state().equals("QUEUED")));
        assertThat(list("bob")).noneMatch(c -> c.id().equals(view.id()));
        // The queue's callbacks (issue 20 item 6): every agent and the supervisor see it, with its state.
        for (String identity : List.of("bob", "sam")) {
            HttpResponse<String> queue = SimModeServers.send(http, HttpRequest.newBuilder(
                    URI.create(server.publicBaseUrl() + DesktopApi.QUEUE_CALLBACKS))
                    .header("Authorization", "Bearer " + token(identity)).GET().build());
            assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
            assertThat(JsonCodec.shared().decode(queue.body(), CallbackList.class).callbacks())
                    .anyMatch(c -> c.id().equals(view.id()) && c.state().equals("QUEUED"));
        }
    }

    @Test
    void aSignedWebsiteRequestIsScheduledAndEveryForgeryOrReplayIs401() throws Exception {
        String body = "{\"number\":\"+15551230043\",\"reason\":\"from the website\",\"dueAt\":\""
                + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(1))
                + "\",\"zone\":\"Europe/Paris\"}";
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> accepted = website(body, now, WebsiteSignature.header(SECRET, now, bytes(body)));
        HttpResponse<String> replayed = website(body, now, WebsiteSignature.header(SECRET, now, bytes(body)));
        HttpResponse<String> tampered = website(body.replace("43", "44"), now + 1,
                WebsiteSignature.header(SECRET, now + 1, bytes(body)));
        HttpResponse<String> otherKey = website(body, now + 2,
                WebsiteSignature.header("another-secret-0123456789abcdef", now + 2, bytes(body)));
        HttpResponse<String> stale = website(body, now - 3600, WebsiteSignature.header(SECRET, now - 3600, bytes(body)));
        HttpResponse<String> unsigned = website(body, now + 3, null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        CallbackView view = JsonCodec.shared().decode(accepted.body(), CallbackView.class);
        assertThat(view.zone()).isEqualTo("Europe/Paris");
        for (HttpResponse<String> refused : List.of(replayed, tampered, otherKey, stale, unsigned)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void badNumbersPastTimesAndTimesOutsideBusinessHoursAre400NamingTheField() throws Exception {
        String future = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> bodies = Map.of(
                "number", "{\"number\":\"0044 20 7946 0000\",\"dueAt\":\"" + future + "\"}",
                "dueAt", "{\"number\":\"+15551230045\",\"dueAt\":\"2020-01-01T09:00\",\"zone\":\"UTC\"}",
                "zone", "{\"number\":\"+15551230045\",\"dueAt\":\"2030-01-01T09:00\",\"zone\":\"Mars/Olympus\"}");
        for (Map.Entry<String, String> bad : bodies.entrySet()) {
            long now = Instant.now().getEpochSecond();
            for (HttpResponse<String> response : List.of(
                    post(DesktopApi.MY_CALLBACKS, Map.of("Authorization", "Bearer " + token("bob")), bad.getValue()),
                    website(bad.getValue(), now, WebsiteSignature.header(SECRET, now, bytes(bad.getValue()))))) {
                assertThat(response.statusCode()).as(bad.getKey() + ": " + response.body()).isEqualTo(400);
                Problem problem = JsonCodec.shared().decode(response.body(), Problem.class);
                assertThat(problem.errors()).as(response.body()).containsKey(bad.getKey());
            }
        }
        assertThat(list("bob")).isEmpty();
    }

    @Test
    void aSupervisorSchedulesNoCallbacksAndNobodyWithoutASession() throws Exception {
        String body = "{\"number\":\"+15551230046\",\"dueAt\":\"2030-01-01T09:00\"}";

        assertThat(post(DesktopApi.MY_CALLBACKS, Map.of("Authorization", "Bearer " + token("sam")), body).statusCode())
                .isEqualTo(403);
        assertThat(post(DesktopApi.MY_CALLBACKS, Map.of(), body).statusCode()).isEqualTo(401);
    }

    /**
     * Item 1: a waiting caller presses 1 in the queue's {@code <Gather>} and hears their number with "press 1 to
     * confirm"; pressing 1 again makes a callback due at once to their number, requested when they entered the queue,
     * at their call's priority; the confirmation names the number and the call ends. Another key keeps them waiting;
     * an unsigned request is 403.
     */
    @Test
    void aWaitingCallerWhoPressesOneGetsACallbackKeepingTheirEntryTimeAndPriority() throws Exception {
        Instant entered = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        String url = InQueueCallbackRoutes.actionUrl(server.publicBaseUrl(), entered, 7);
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> pressedOne = Map.of("CallSid", callSid, "From", "+15551230047", "Digits", "1");

        HttpResponse<String> other = gather(url, Map.of("CallSid", callSid, "From", "+15551230047", "Digits", "2"), true);
        HttpResponse<String> unsigned = gather(url, pressedOne, false);
        HttpResponse<String> asked = gather(url, pressedOne, true);
        HttpResponse<String> confirmed = gather(InQueueCallbackRoutes.confirmUrl(server.publicBaseUrl(),
                entered.getEpochSecond(), 7, 1), pressedOne, true);

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).doesNotContain("<Say>").doesNotContain("Hangup");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(asked.body()).contains("+ 1 5 5 5 1 2 3 0 0 4 7. Press 1 to confirm").contains("finishOnKey=\"#\"")
                .doesNotContain("Hangup");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("+ 1 5 5 5 1 2 3 0 0 4 7").contains("<Hangup/>");
        TaskDetails task = Await.present("the caller's callback in the queue", () -> taskRouter
                .tasks(server.workspace().voiceWorkflowSid(), List.of()).stream()
                .filter(t -> t.attributesJson().contains("in-queue:" + callSid)).findFirst());
        assertThat(task.priority()).isEqualTo(7);
        JsonNode attributes = JSON.readTree(task.attributesJson());
        assertThat(attributes.path("to").asText()).isEqualTo("+15551230047");
        assertThat(Instant.parse(attributes.path("callback").path("requestedAt").asText())).isEqualTo(entered);
    }

    private static HttpResponse<String> gather(String url, Map<String, String> form, boolean signed) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        String signature = signed ? dev.lifeline.server.hostile.TwilioSigning.signForm(server.sim().authToken(), url, form)
                : "bm90LWEtc2lnbmF0dXJl";
        return SimModeServers.send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Optional<TaskDetails> callbackTask(String callbackId) {
        return taskRouter.tasks(server.workspace().voiceWorkflowSid(), List.of()).stream()
                .filter(task -> callbackId.equals(CallbackTasks.callbackIdOf(task.attributesJson()))).findFirst();
    }

    private static List<CallbackView> list(String identity) {
        HttpResponse<String> response = SimModeServers.send(http, HttpRequest.newBuilder(
                URI.create(server.publicBaseUrl() + DesktopApi.MY_CALLBACKS))
                .header("Authorization", "Bearer " + token(identity)).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), CallbackList.class).callbacks();
    }

    private static String token(String identity) {
        HttpResponse<String> response = post(DesktopApi.LOGIN, Map.of(),
                JsonCodec.shared().encode(new LoginRequest(identity, identity + "-demo")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCodec.shared().decode(response.body(), LoginResponse.class).token();
    }

    private static HttpResponse<String> website(String body, long timestamp, String signature) {
        return post(WebsiteCallbackRoutes.PATH, signature == null
                ? Map.of(WebsiteSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                : Map.of(WebsiteSignature.TIMESTAMP_HEADER, String.valueOf(timestamp), WebsiteSignature.SIGNATURE_HEADER, signature),
                body);
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return SimModeServers.send(http, request.build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
