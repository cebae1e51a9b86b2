package dev.lifeline.server.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import dev.lifeline.server.provision.PhoneNumberProvisioner;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.callbacks.Callback;
import dev.lifeline.server.callbacks.CallbackBook;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queue experience end to end (issue 19 items 1 and 2): the composed server in sim mode, its embedded emulator on a
 * manual clock calling a number whose voice URL is {@code /webhooks/voice/incoming} — business hours read from that
 * clock, the DTMF menu answered through the scenario API, the VIP list, and the waitUrl's position announcements, each
 * checked by what the emulator's caller heard ({@code <Say>} texts) and what TaskRouter holds.
 * No agent is Available, so callers stay queued.
 */
class QueueExperienceTest {

    private static final String NUMBER = "+15550142019";
    private static final String VIP = "+15551239999";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Monday 5 January 2026, 09:00 in London (UTC in winter): open. */
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));

    private static LifelineServer server;
    private static TwilioRestClient client;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static int callers;

    @BeforeAll
    static void start() {
        server = SimModeServers.start("queue-experience", Map.of(
                "LIFELINE_ENTRY_TIME_ZONE", "Europe/London",
                "LIFELINE_ENTRY_HOURS", "mon-fri 08:00-18:00, sat 09:00-12:00",
                "LIFELINE_ENTRY_HOLIDAYS", "2026-01-06",
                "LIFELINE_ENTRY_CLOSED_MESSAGE", "We are closed. Please call again tomorrow.",
                "LIFELINE_ENTRY_MENU", "1=sales, 2=support",
                "LIFELINE_ENTRY_VIP_NUMBERS", VIP,
                "LIFELINE_ENTRY_VIP_PRIORITY", "50"), CLOCK);
        client = new TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new EmulatorHttpClient(server.sim().baseUrl())).build();
        PhoneNumberProvisioner.buyInSimAndPointAt(client, NUMBER, server.publicBaseUrl() + IncomingCallRoutes.PATH);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theMenuKeySetsTheSkillAndTheCallerHearsThePromptThenTheirPosition() {
        String call = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the menu listens", () -> gathering(call));
        assertThat(server.sim().voice().spoken(call)).containsExactly("For sales, press 1. For support, press 2.");

        press(call, "2");

        Task task = taskOf(call);
        assertThat(attributes(task).path("skill").asText()).isEqualTo("support");
        assertThat(attributes(task).has("vip")).isFalse();
        Await.until("the waitUrl announced the position", () -> server.sim().voice().spoken(call).stream()
                .anyMatch(said -> said.matches("You are (next|number \\d+) in the queue\\.")));
    }

    @Test
    void aKeyTheMenuDoesNotHaveHearsTheMenuAgain() {
        String call = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the menu listens", () -> gathering(call));

        press(call, "7");

        Await.until("the menu is said again", () -> server.sim().voice().spoken(call).size() == 3);
        assertThat(server.sim().voice().spoken(call)).containsExactly("For sales, press 1. For support, press 2.",
                "Sorry, that is not one of the options.", "For sales, press 1. For support, press 2.");
        press(call, "1");
        assertThat(attributes(taskOf(call)).path("skill").asText()).isEqualTo("sales");
    }

    @Test
    void aVipCallerIsQueuedAtTheVipPriority() {
        String call = server.sim().callNumber(VIP, NUMBER);
        Await.until("the menu listens", () -> gathering(call));
        press(call, "1");

        Task task = taskOf(call);
        assertThat(task.getPriority()).isEqualTo(50);
        assertThat(attributes(task).path("vip").asBoolean()).isTrue();
    }

    @Test
    void aSecondWaitingCallerHearsTheirPlaceAndHearsItAgainAfterTheHoldMusic() {
        String first = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the menu listens", () -> gathering(first));
        press(first, "2");
        String second = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the menu listens", () -> gathering(second));
        press(second, "2");
        taskOf(second);
        Await.until("the second caller hears a place behind the first", () -> lastSaid(second)
                .filter(said -> said.matches("You are number \\d+ in the queue\\.")).isPresent());
        int heard = server.sim().voice().spoken(second).size();

        CLOCK.advance(Duration.ofSeconds(30)); // the hold music is over: Twilio asks the waitUrl again

        Await.until("the position is announced again", () -> server.sim().voice().spoken(second).size() > heard);
        assertThat(lastSaid(second).orElseThrow()).matches("You are number \\d+ in the queue\\.");
    }

    /**
     * Closed (a holiday, after hours): the closed message and the callback offer (issues 19 and 20 meet in
     * {@code callbacks/PressOneOffer}); the holiday caller presses 1, confirms the number they call from with 1 and
     * is promised a callback to it, the evening caller presses nothing and hears goodbye. Neither is queued.
     */
    @Test
    void outsideBusinessHoursAndOnHolidaysTheCallerHearsTheClosedMessageAndIsNotQueued() {
        String offer = "We are closed. Please call again tomorrow. To be called back on this number, press 1.";
        CLOCK.advanceTo(Instant.parse("2026-01-06T10:00:00Z")); // Tuesday, a holiday
        String holidayCaller = nextCaller();
        String holiday = server.sim().callNumber(holidayCaller, NUMBER);
        Await.until("the holiday caller is offered a callback", () -> gathering(holiday));
        press(holiday, "1");
        Await.until("the holiday caller's number is read back for confirmation",
                () -> server.sim().voice().spoken(holiday).size() == 2 && gathering(holiday));
        press(holiday, "1#");
        Await.until("the holiday call ends", () -> "completed".equals(server.sim().voice().callStatus(holiday)));
        assertThat(server.sim().voice().spoken(holiday)).first().isEqualTo(offer);
        assertThat(lastSaid(holiday)).hasValueSatisfying(said -> assertThat(said).contains("We will call you back"));
        assertThat(new CallbackBook(server.hazelcast()).requestedBy("in-queue:" + holiday))
                .extracting(Callback::number).containsExactly(holidayCaller);

        CLOCK.advanceTo(Instant.parse("2026-01-07T18:00:00Z")); // Wednesday, closing time
        String evening = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the evening caller is offered a callback", () -> gathering(evening));
        CLOCK.advance(Duration.ofSeconds(6)); // the offer's <Gather> times out: no key
        Await.until("the evening call ends", () -> "completed".equals(server.sim().voice().callStatus(evening)));
        assertThat(server.sim().voice().spoken(evening)).containsExactly(offer, "Goodbye.");
        assertThat(new CallbackBook(server.hazelcast()).requestedBy("in-queue:" + evening)).isEmpty();
        assertThat(tasks().stream().map(QueueExperienceTest::attributes)
                .map(a -> a.path("call_sid").asText())).doesNotContain(holiday, evening);

        CLOCK.advanceTo(Instant.parse("2026-01-10T09:00:00Z")); // Saturday morning: open again
        String saturday = server.sim().callNumber(nextCaller(), NUMBER);
        Await.until("the menu listens on Saturday",
                () -> gathering(saturday));
    }

    private static synchronized String nextCaller() {
        callers++;
        return "+1555123%04d".formatted(callers);
    }

    /** Whether the call's {@code <Gather>} listens for keys ({@code twimlActivity} in {@code /sim/state}). */
    @SuppressWarnings("unchecked")
    private static boolean gathering(String call) {
        return ((List<Map<String, Object>>) server.sim().voice().snapshot().get("calls")).stream()
                .anyMatch(state -> call.equals(state.get("sid")) && "gathering".equals(state.get("twimlActivity")));
    }

    private static Optional<String> lastSaid(String call) {
        List<String> spoken = server.sim().voice().spoken(call);
        return spoken.isEmpty() ? Optional.empty() : Optional.of(spoken.get(spoken.size() - 1));
    }

    private void press(String call, String digits) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.emulatorUrl() + "/sim/calls/"
                            + call + "/digits")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"digits\":\"" + digits + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Task taskOf(String call) {
        return Await.present("the task of " + call, () -> tasks().stream()
                .filter(task -> call.equals(attributes(task).path("call_sid").asText())).findFirst());
    }

    private static List<Task> tasks() {
        return StreamSupport.stream(Task.reader(server.workspace().workspaceSid()).read(client).spliterator(), false)
                .toList();
    }

    private static JsonNode attributes(Task task) {
        try {
            return JSON.readTree(task.getAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
