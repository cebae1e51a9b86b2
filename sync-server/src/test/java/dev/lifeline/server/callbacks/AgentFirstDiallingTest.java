package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.ReservationState;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.sim.voice.EndpointBehaviour;
import dev.lifeline.sim.voice.EndpointBehaviour.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 3 against twilio-sim: an agent who accepts a callback's task is connected first and hears the
 * whisper (its {@code <Say>}, which the emulator reads from the TwiML at the AnnounceUrl), then the customer is called with the caller ID and machine detection; a person joins the agent, a machine
 * is left the message, busy and failures are retried with backoff (1 to 2 s in the fixture) up to the attempts.
 */
class AgentFirstDiallingTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @BeforeEach
    void aliceAloneOnTheFloor() {
        server.quietFloor();
        server.setActivity("bob", "Offline");
        server.setActivity("alice", "Available");
    }

    @AfterAll
    static void stop() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
    }

    @Test
    void theAgentIsConnectedAndWhisperedFirstThenThePersonWhoAnswersJoinsThem() {
        String number = reachable(new EndpointBehaviour(Outcome.ANSWER, Duration.ZERO, null, Duration.ZERO));
        Callback callback = dueNow(number);

        TaskDetails task = acceptTheCallbackTask(callback.id());

        Callback done = Await.present("the callback completed", () -> server.callbacks.find(callback.id())
                .filter(c -> c.state() == CallbackState.COMPLETED));
        assertThat(done.attempts()).extracting(CallbackAttempt::outcome).containsExactly("answered");
        List<Map<String, Object>> calls = simCalls();
        Map<String, Object> agentLeg = calls.stream().filter(c -> String.valueOf(c.get("to")).startsWith("sip:alice@"))
                .reduce((a, b) -> b).orElseThrow();
        Map<String, Object> customerLeg = calls.stream().filter(c -> number.equals(c.get("to"))).findFirst().orElseThrow();
        assertThat(calls.indexOf(agentLeg)).as("the agent's leg is dialled before the customer's").isLessThan(calls.indexOf(customerLeg));
        assertThat(customerLeg.get("from")).isEqualTo(DesktopFixture.CALLER_ID);
        assertThat(customerLeg.get("answeredBy")).isEqualTo("human");
        Await.until("the customer is in the agent's conference", () -> server.simConferences().stream()
                .anyMatch(conference -> task.sid().equals(conference.get("friendlyName")) && String.valueOf(conference.get("participants"))
                        .contains(String.valueOf(customerLeg.get("sid")))));
        Map<String, Object> conference = server.simConferences().stream()
                .filter(c -> task.sid().equals(c.get("friendlyName"))).findFirst().orElseThrow();
        assertThat(((Number) conference.get("announcements")).intValue()).as("the whisper").isGreaterThanOrEqualTo(1);
        // The whisper is TwiML (<Say>) at the AnnounceUrl, as Twilio fetches it: the agent's leg heard its text.
        String agentCall = String.valueOf(agentLeg.get("sid"));
        Await.until("the agent heard the whisper", () -> server.sim.voice().spoken(agentCall).stream()
                .anyMatch(said -> said.contains("Reason: billing question")));
        CallbackDialler.CallbackUrls urls = new CallbackDialler.CallbackUrls(server.baseUrl, server.baseUrl + "/webhooks/conference",
                server.sim.authToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> whisper = server.get(urls.whisper(done.id()).substring(server.baseUrl.length()), null);
        assertThat(whisper.statusCode()).isEqualTo(200);
        assertThat(whisper.body()).contains("<Say>").contains("Reason: billing question").contains("Requested");
        HttpResponse<String> forged = server.get(CallbackCallRoutes.WHISPER_PATH + "?callback=" + done.id() + "&token=00", null);
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aMachineIsLeftTheMessageAndTheAgentIsReleased() {
        String number = reachable(new EndpointBehaviour(Outcome.MACHINE, Duration.ZERO, null, Duration.ZERO));
        Callback callback = dueNow(number);

        TaskDetails task = acceptTheCallbackTask(callback.id());

        Callback done = Await.present("the callback completed on a machine", () -> server.callbacks.find(callback.id())
                .filter(c -> c.state() == CallbackState.COMPLETED));
        assertThat(done.attempts()).extracting(CallbackAttempt::outcome).containsExactly("machine");
        assertThat(done.closeReason()).contains("answering machine");
        Await.until("the callback's task completed", () -> "completed".equals(server.taskRouter.taskDetails(task.sid())
                .orElseThrow().assignmentStatus()));
    }

    @Test
    void busyIsTriedAgainWithBackoffAndAnswersOnTheSecondAttempt() {
        String number = reachable(new EndpointBehaviour(Outcome.BUSY, Duration.ZERO, null, null));
        Callback callback = dueNow(number);
        acceptTheCallbackTask(callback.id());

        Callback waiting = Await.present("the callback due again after busy", () -> server.callbacks.find(callback.id())
                .filter(c -> c.attempts().size() == 1 && "busy".equals(c.attempts().get(0).outcome())
                        && c.state() != CallbackState.DIALLING));
        assertThat(waiting.state()).isIn(CallbackState.SCHEDULED, CallbackState.ENQUEUING, CallbackState.QUEUED);
        // The fixture's policy: the first retry comes 0.5 to 1 s after the busy signal (its timing: RetryPolicyTest).
        assertThat(waiting.dueAt()).isAfter(waiting.attempts().get(0).startedAt().plusMillis(500));

        server.sim.voice().registerEndpoint(number, new EndpointBehaviour(Outcome.ANSWER, Duration.ZERO, null, Duration.ZERO));
        acceptTheCallbackTask(callback.id());

        Callback done = Await.present("the callback completed on the second attempt", () -> server.callbacks.find(callback.id())
                .filter(c -> c.state() == CallbackState.COMPLETED));
        assertThat(done.attempts()).extracting(CallbackAttempt::outcome).containsExactly("busy", "answered");
    }

    @Test
    void aNumberThatFailsEveryAttemptIsClosedWithTheReason() {
        String number = reachable(new EndpointBehaviour(Outcome.FAILED, Duration.ZERO, null, null));
        Callback callback = dueNow(number);

        for (int attempt = 1; attempt <= 3; attempt++) {
            acceptTheCallbackTask(callback.id());
            int made = attempt;
            Await.until("attempt " + attempt + " ended", () -> server.callbacks.find(callback.id())
                    .map(c -> c.attempts().size() == made && c.attempts().get(made - 1).outcome() != null).orElse(false));
        }

        Callback failed = server.callbacks.find(callback.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(CallbackState.FAILED);
        assertThat(failed.closeReason()).isEqualTo("not reached after 3 attempts (failed, failed, failed)");
    }

    /** A fresh number behaving as told, so tests do not share a called party. */
    private static String reachable(EndpointBehaviour behaviour) {
        String number = "+1555" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        server.sim.voice().registerEndpoint(number, behaviour);
        return number;
    }

    private static Callback dueNow(String number) {
        Callback callback = Callback.scheduled(UUID.randomUUID().toString(), number, "billing question",
                server.clock.instant().minusSeconds(3600), server.clock.instant(), "Europe/London", 50, null, "desktop:bob");
        server.callbacks.add(callback);
        return callback;
    }

    /** Waits for the callback's (next) task to be offered to alice and accepts it as her desktop would. */
    private static TaskDetails acceptTheCallbackTask(String callbackId) {
        TaskDetails task = Await.present("the callback's task", () -> server.taskRouter
                .tasks(null, List.of("pending", "reserved")).stream()
                .filter(t -> callbackId.equals(CallbackTasks.callbackIdOf(t.attributesJson()))).findFirst());
        ReservationState offer = Await.present("alice is offered the callback", () -> server.taskRouter
                .taskReservations(task.sid()).stream()
                .filter(r -> r.workerSid().equals(server.workerSid("alice")) && "pending".equals(r.status())).findFirst());
        HttpResponse<String> accepted = server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, offer.sid()),
                server.token("alice"), new AcceptReservation(offer.sid()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        return task;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> simCalls() {
        return (List<Map<String, Object>>) ((Map<String, Object>) server.sim.snapshot().get("voice")).get("calls");
    }
}
