package dev.lifeline.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/me/calls} against twilio-sim: an agent calls a number, and every refusal a desktop can meet. */
class OutboundCallTest {

    private static final String CALLED = "+15551230002";

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
        server.sim.voice().registerEndpoint(CALLED, EndpointBehaviour.answer(Duration.ZERO));
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
    void anAvailableAgentCallsANumberAndTalksToTheCalledPartyAsTheCustomerOfTheCall() {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
            HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token("alice"), "{\"to\":\"+1 (555) 123-0002\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            CallPlaced placed = JsonCodec.shared().decode(response.body(), CallPlaced.class);

            ConferenceChanged bridged = alice.await(ConferenceChanged.class, c -> c.conference().conferenceSid().equals(placed.conferenceSid())
                    && c.conference().participant(placed.customerCallSid()).isPresent()
                    && !c.conference().withRole(ParticipantRole.WORKER).isEmpty());
            assertThat(bridged.conference().participant(placed.customerCallSid()).orElseThrow().role()).isEqualTo(ParticipantRole.CUSTOMER);
            ConferenceRecord record = server.engine.conference(placed.conferenceSid()).orElseThrow();
            assertThat(record.customerCallSid()).isEqualTo(placed.customerCallSid());
            Await.until("the called party answered", () -> "in-progress".equals(server.sim.voice().callStatus(placed.customerCallSid())));
            Map<String, Object> called = simCall(placed.customerCallSid());
            assertThat(called.get("to")).isEqualTo(CALLED);
            assertThat(called.get("from")).isEqualTo(DesktopFixture.CALLER_ID);

            TaskAttributes task = TaskAttributesJson.read(server.taskRouter.taskDetails(placed.taskSid()).orElseThrow().attributesJson());
            assertThat(task.string("direction")).contains("outbound");
            assertThat(task.string("to")).contains(CALLED);
            assertThat(task.string("call_sid")).contains(placed.customerCallSid());
            assertThat(server.taskRouter.taskDetails(placed.taskSid()).orElseThrow().assignmentStatus()).isEqualTo("assigned");

            HttpResponse<String> hungUp = server.post(DesktopApi.path(DesktopApi.HANG_UP, placed.conferenceSid()), server.token("alice"),
                    new HangUp(placed.conferenceSid(), placed.taskSid()));
            assertThat(hungUp.statusCode()).as(hungUp.body()).isEqualTo(204);
            Await.until("the called party's call ended with the agent's hang-up",
                    () -> "completed".equals(server.sim.voice().callStatus(placed.customerCallSid())));
        }
    }

    @Test
    void aNumberThatIsNotE164IsRefusedWith400NamingTheFieldAndNothingIsDialled() {
        int callsBefore = simCalls().size();
        for (String bad : List.of("{\"to\":\"5551230002\"}", "{\"to\":\"+0555\"}", "{\"to\":\"+1555abc\"}", "{}", "{\"to\":\"\"}")) {
            HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token("alice"), bad);
            assertThat(response.statusCode()).as(bad + " → " + response.body()).isEqualTo(400);
            assertThat(problem(response).errors()).as(bad).containsKey("to");
        }
        assertThat(simCalls()).hasSize(callsBefore);
    }

    @Test
    void anAgentWhoIsNotAvailableIsRefusedWith409() {
        server.setActivity("alice", "Offline");
        HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token("alice"), new PlaceCall(CALLED));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problem(response).detail()).contains("Available");
    }

    @Test
    void anAgentAlreadyOnACallIsRefusedWith409AndKeepsTheCall() {
        HttpResponse<String> first = server.post(DesktopApi.MY_CALLS, server.token("alice"), new PlaceCall(CALLED));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        int callsBefore = simCalls().size();
        HttpResponse<String> second = server.post(DesktopApi.MY_CALLS, server.token("alice"), new PlaceCall(CALLED));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(problem(second).detail()).contains("already");
        assertThat(simCalls()).hasSize(callsBefore);
        CallPlaced placed = JsonCodec.shared().decode(first.body(), CallPlaced.class);
        assertThat(server.sim.voice().callStatus(placed.customerCallSid())).isNotEqualTo("completed");
    }

    @Test
    void aSupervisorHasNoPhoneToCallFromAndIsRefusedWith403() {
        HttpResponse<String> response = server.post(DesktopApi.MY_CALLS, server.token("sam"), new PlaceCall(CALLED));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    private static Problem problem(HttpResponse<String> response) {
        return JsonCodec.shared().decode(response.body(), Problem.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> simCalls() {
        return (List<Map<String, Object>>) ((Map<String, Object>) server.sim.snapshot().get("voice")).get("calls");
    }

    private static Map<String, Object> simCall(String callSid) {
        return simCalls().stream().filter(c -> callSid.equals(c.get("sid"))).findFirst().orElseThrow();
    }
}
