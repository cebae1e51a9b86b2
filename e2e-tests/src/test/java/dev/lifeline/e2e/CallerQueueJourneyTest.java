package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 6, end to end: the real server in sim mode (embedded emulator, Hazelcast member, twilio-java over
 * HTTP) with a menu and a routing file whose Sales queue overflows to {@code Everyone} after 15 s. A caller of the
 * demo ("Customer calls in") presses 1, hears their position and the hold music (what the emulator's caller heard),
 * waits in Sales where nobody has the skill, overflows to Everyone, then hangs up; the supervisor, over the supervisor
 * API, sees each step live, and the server's /metrics shows the same.
 */
class CallerQueueJourneyTest {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String ROUTING = """
            {"version": 1,
             "queues": [{"name": "Sales", "targetWorkers": "routing.skills HAS 'sales'"}],
             "filters": [{"name": "Sales", "expression": "skill == 'sales'",
                          "steps": [{"queue": "Sales", "timeout": 15}, {"queue": "Everyone", "priority": 10}]}]}
            """;

    @TempDir
    static Path dir;
    private static SimModeServer sim;
    private static AgentApi supervisor;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path routing = Files.writeString(dir.resolve("routing.json"), ROUTING);
        sim = SimModeServer.start("CallerQueueJourneyTest", Map.of(
                "LIFELINE_ENTRY_MENU", "1=sales, 2=support",
                "LIFELINE_ROUTING_FILE", routing.toString()));
        supervisor = sim.signIn("sam", "sam-demo");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aDemoCallerHearsMusicAndPositionOverflowsToTheBackupQueueAndTheSupervisorSeesItLive() {
        String caller = sim.customerCallsIn();
        Await.until("the menu listens", STEP, () -> "gathering".equals(callState(caller).get("twimlActivity")));
        press(caller, "1");

        QueueSnapshot inSales = Await.value("the supervisor sees the caller waiting in Sales", STEP,
                () -> Optional.of(supervisor.supervisorSnapshot()).filter(s -> queue(s, "Sales").waitingTasks() == 1));
        assertThat(queue(inSales, "Everyone").waitingTasks()).isZero();
        Await.until("the caller hears their position", STEP, () -> sim.server.sim().voice().spoken(caller).stream()
                .anyMatch(said -> said.startsWith("You are next in the queue.")));
        Await.until("and the hold music", STEP, () -> sim.server.sim().voice().effects(caller).getOrDefault("play", 0) >= 1);

        QueueSnapshot overflowed = Await.value("the supervisor sees the caller overflow to Everyone", STEP,
                () -> Optional.of(supervisor.supervisorSnapshot()).filter(s -> queue(s, "Everyone").waitingTasks() == 1));
        assertThat(queue(overflowed, "Sales").waitingTasks()).isZero();
        assertThat(queue(overflowed, "Everyone").longestWaitSeconds()).isGreaterThanOrEqualTo(0);
        Await.until("the metrics show the caller in Everyone", STEP,
                () -> metrics().contains("lifeline_taskqueue_waiting{queue=\"Everyone\"} 1.0"));
        assertThat(sim.server.sim().voice().callStatus(caller)).isEqualTo("in-progress");

        sim.server.sim().voice().hangUp(caller);

        QueueSnapshot afterwards = Await.value("the supervisor sees the caller abandon in Everyone", STEP,
                () -> Optional.of(supervisor.supervisorSnapshot()).filter(s -> queue(s, "Everyone").service() != null
                        && queue(s, "Everyone").service().abandoned() == 1));
        assertThat(queue(afterwards, "Everyone").waitingTasks()).isZero();
        assertThat(queue(afterwards, "Everyone").service().abandonmentRate().getAsDouble()).isEqualTo(1.0);
        assertThat(queue(afterwards, "Sales").service().abandoned()).isZero();
    }

    private static QueueStats queue(QueueSnapshot snapshot, String name) {
        return snapshot.queues().stream().filter(q -> q.queueName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + name + " in " + snapshot.queues()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> callState(String call) {
        return ((List<Map<String, Object>>) sim.server.sim().voice().snapshot().get("calls")).stream()
                .filter(state -> call.equals(state.get("sid"))).findFirst().orElse(Map.of());
    }

    private static void press(String call, String digits) {
        String body = send(HttpRequest.newBuilder(URI.create(sim.server.emulatorUrl() + "/sim/calls/" + call + "/digits"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"digits\":\"" + digits + "\"}")), 200);
        assertThat(body).contains(call);
    }

    private static String metrics() {
        return send(HttpRequest.newBuilder(URI.create(sim.server.managementBaseUrl() + "/metrics")).GET(), 200);
    }

    private static String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
