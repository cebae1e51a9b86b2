package dev.lifeline.sim.scenario;

import static dev.lifeline.sim.testsupport.WebhookReceiver.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.webhook.DeliveryFaults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /sim} scenario API over plain HTTP, with the real TaskRouter behind {@code <Enqueue>}. */
class ScenarioApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private String workflow(String workspaceSid) {
        String queue = TaskQueue.creator(workspaceSid, "Support").setTargetWorkers("1==1").create(sim.client()).getSid();
        return Workflow.creator(workspaceSid, "Inbound", "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":"
                + "\"all\",\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + queue + "\"}]}]}}")
                .create(sim.client()).getSid();
    }

    @Test
    void aCustomerCallsInIsEnqueuedAsATaskAndHangsUpWhichCancelsIt() throws Exception {
        String workspace = Workspace.creator("Lifeline").create(sim.client()).getSid();
        String workflow = workflow(workspace);

        HttpResponse<String> created = sim.simJson("POST", "/sim/calls/inbound", "{\"from\":\"+15551234567\","
                + "\"workflowSid\":\"" + workflow + "\",\"attributes\":{\"type\":\"support\"},\"priority\":5}");

        assertThat(created.statusCode()).isEqualTo(201);
        String callSid = json(created).path("callSid").asText();
        assertThat(json(created).path("status").asText()).isEqualTo("in-progress");
        Task task = Task.reader(workspace).read(sim.client()).iterator().next();
        assertThat(JSON.readTree(task.getAttributes()).path("call_sid").asText()).isEqualTo(callSid);
        assertThat(JSON.readTree(task.getAttributes()).path("type").asText()).isEqualTo("support");
        assertThat(task.getPriority()).isEqualTo(5);

        HttpResponse<String> hungUp = sim.simJson("POST", "/sim/calls/" + callSid + "/hangup", null);

        assertThat(json(hungUp).path("status").asText()).isEqualTo("completed");
        assertThat(Task.fetcher(workspace, task.getSid()).fetch(sim.client()).getAssignmentStatus())
                .isEqualTo(Task.Status.CANCELED);
        JsonNode effects = json(sim.simJson("GET", "/sim/calls/" + callSid + "/effects", null));
        assertThat(effects.path("enqueue").asInt()).isEqualTo(1);
        assertThat(effects.path("leftQueue").asInt()).isEqualTo(1);
    }

    @Test
    void aQueuedCallRedirectedToOtherTwimlLeavesTheQueueAndItsTaskIsCanceled() throws Exception {
        String workspace = Workspace.creator("Lifeline").create(sim.client()).getSid();
        String callSid = sim.sim().voice().inboundCall("+15551234567", null, workflow(workspace), "{}", null, null);
        Task task = Task.reader(workspace).read(sim.client()).iterator().next();

        com.twilio.rest.api.v2010.account.Call.updater(callSid)
                .setTwiml("<Response><Dial><Conference>elsewhere</Conference></Dial></Response>").update(sim.client());

        assertThat(Task.fetcher(workspace, task.getSid()).fetch(sim.client()).getAssignmentStatus())
                .isEqualTo(Task.Status.CANCELED);
        assertThat(sim.sim().voice().effects(callSid)).containsEntry("leftQueue", 1).containsEntry("redirect", 1);
        assertThat(Conference.reader().setFriendlyName("elsewhere").read(sim.client()).iterator().hasNext()).isTrue();
    }

    @Test
    void theWorldStateShowsCallsConferencesParticipantsFlagsAndTaskRouter() throws Exception {
        sim.simJson("POST", "/sim/endpoints", "{\"address\":\"+15550000001\"}");
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").setMuted(true).setEndConferenceOnExit(true).create(sim.client());

        JsonNode state = json(sim.simJson("GET", "/sim/state", null));

        JsonNode conference = state.path("voice").path("conferences").get(0);
        assertThat(conference.path("friendlyName").asText()).isEqualTo("room");
        JsonNode participant = conference.path("participants").get(0);
        assertThat(participant.path("label").asText()).isEqualTo("customer");
        assertThat(participant.path("muted").asBoolean()).isTrue();
        assertThat(participant.path("endConferenceOnExit").asBoolean()).isTrue();
        assertThat(participant.path("status").asText()).isEqualTo("connected");
        assertThat(state.path("voice").path("calls").get(0).path("status").asText()).isEqualTo("in-progress");
        assertThat(state.path("taskRouter").isObject()).isTrue();
        assertThat(state.path("webhooks").path("duplicates").asInt()).isZero();
    }

    @Test
    void anExternalPartyIsAddedToAConferenceRingsAndAnswersOnCommand() throws Exception {
        sim.simJson("POST", "/sim/endpoints", "{\"address\":\"+15550000001\"}");
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").create(sim.client());

        HttpResponse<String> added = sim.simJson("POST", "/sim/conferences/room/participants",
                "{\"to\":\"+15557654321\",\"label\":\"supervisor\",\"answer\":false}");
        String callSid = json(added).path("callSid").asText();
        assertThat(json(added).path("status").asText()).isEqualTo("ringing");

        sim.simJson("POST", "/sim/calls/" + callSid + "/answer", null);

        String conferenceSid = Conference.reader().read(sim.client()).iterator().next().getSid();
        assertThat(Participant.fetcher(conferenceSid, "supervisor").fetch(sim.client()).getStatus())
                .isEqualTo(Participant.Status.CONNECTED);
        assertThat(Conference.fetcher(conferenceSid).fetch(sim.client()).getStatus()).isEqualTo(Conference.Status.IN_PROGRESS);
    }

    @Test
    void anAutoAnswerEndpointAnswersAfterItsDelayOnTheSimClock() throws Exception {
        assertThat(sim.simJson("POST", "/sim/endpoints", "{\"address\":\"client:bob\",\"delayMillis\":2000}")
                .statusCode()).isEqualTo(201);
        Participant bob = Participant.creator("room", new PhoneNumber("+15559990000"), new com.twilio.type.Client("bob"))
                .create(sim.client());
        assertThat(bob.getStatus()).isEqualTo(Participant.Status.RINGING);

        sim.simJson("POST", "/sim/clock/advance", "{\"millis\":2000}");

        assertThat(sim.sim().voice().callStatus(bob.getCallSid())).isEqualTo("in-progress");
    }

    @Test
    void aCustomerIsPutOnHoldAndTakenOffHoldThroughTheScenarioApi() throws Exception {
        sim.simJson("POST", "/sim/endpoints", "{\"address\":\"+15550000001\"}");
        Participant customer = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").setConferenceStatusCallback(sim.receiver().url("/cb"))
                .setConferenceStatusCallbackEvent(List.of("hold")).create(sim.client());

        assertThat(sim.simJson("POST", "/sim/calls/" + customer.getCallSid() + "/hold",
                "{\"holdUrl\":\"http://example.com/music\"}").statusCode()).isEqualTo(200);
        assertThat(Participant.fetcher(customer.getConferenceSid(), "customer").fetch(sim.client()).getHold()).isTrue();
        sim.simJson("POST", "/sim/calls/" + customer.getCallSid() + "/hold", "{\"hold\":false}");

        sim.receiver().awaitOne(event("participant-unhold"));
        assertThat(sim.receiver().matching(event("participant-hold"))).hasSize(1);
    }

    @Test
    void duplicatedCallbacksArriveTwiceAtTheReceiver() throws Exception {
        sim.simJson("PUT", "/sim/webhooks/faults", "{\"duplicates\":1}");
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);

        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setConferenceStatusCallback(sim.receiver().url("/cb"))
                .setConferenceStatusCallbackEvent(List.of("join")).create(sim.client());

        var joins = sim.receiver().await(event("participant-join"), 2, Duration.ofSeconds(5));
        assertThat(joins).extracting(r -> r.param("SequenceNumber")).containsExactly("1", "1");
    }

    @Test
    void duplicatesCanBeARangeWithAHoldTimeAndASeed() throws Exception {
        HttpResponse<String> set = sim.simJson("PUT", "/sim/webhooks/faults",
                "{\"minDuplicates\":1,\"maxDuplicates\":3,\"reorderWindow\":3,\"reorderHoldMillis\":250,\"seed\":99}");

        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode shown = json(sim.simJson("GET", "/sim/webhooks/faults", null));
        assertThat(shown.path("minDuplicates").asInt()).isEqualTo(1);
        assertThat(shown.path("maxDuplicates").asInt()).isEqualTo(3);
        assertThat(shown.has("duplicates")).isFalse();
        assertThat(shown.path("reorderHoldMillis").asInt()).isEqualTo(250);
        assertThat(shown.path("seed").asLong()).isEqualTo(99);
    }

    @Test
    void contradictoryOrInvertedDuplicateRangesAreRejectedAndChangeNothing() throws Exception {
        HttpResponse<String> both = sim.simJson("PUT", "/sim/webhooks/faults", "{\"duplicates\":1,\"maxDuplicates\":3}");
        HttpResponse<String> inverted = sim.simJson("PUT", "/sim/webhooks/faults", "{\"minDuplicates\":3,\"maxDuplicates\":1}");
        HttpResponse<String> badSeed = sim.simJson("PUT", "/sim/webhooks/faults", "{\"seed\":\"abc\"}");

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).path("message").asText()).contains("either duplicates or minDuplicates");
        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(json(inverted).path("message").asText()).contains("must not exceed");
        assertThat(badSeed.statusCode()).isEqualTo(400);
        assertThat(sim.sim().webhooks().faults()).isEqualTo(DeliveryFaults.NONE);
    }

    @Test
    void reorderedCallbacksAreHeldUntilTheWindowFillsOrTheyAreFlushed() throws Exception {
        HttpResponse<String> faults = sim.simJson("PUT", "/sim/webhooks/faults", "{\"reorderWindow\":10}");
        assertThat(json(faults).path("reorderWindow").asInt()).isEqualTo(10);
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
        sim.sim().voice().registerAutoAnswer("+15550000002", Duration.ZERO);
        for (String to : List.of("+15550000001", "+15550000002")) {
            Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber(to))
                    .setConferenceStatusCallback(sim.receiver().url("/cb"))
                    .setConferenceStatusCallbackEvent(List.of("join", "start")).create(sim.client());
        }
        assertThat(sim.receiver().all()).isEmpty(); // held: 3 of a window of 10

        assertThat(sim.simJson("POST", "/sim/webhooks/flush", null).statusCode()).isEqualTo(204);

        var all = sim.receiver().await(r -> true, 3, Duration.ofSeconds(5));
        assertThat(all).extracting(r -> r.param("StatusCallbackEvent"))
                .containsExactlyInAnyOrder("participant-join", "participant-join", "conference-start");
    }

    @Test
    void delayedCallbacksStillArriveAndTheDeliveryLogRecordsThem() throws Exception {
        sim.simJson("PUT", "/sim/webhooks/faults", "{\"delayMillis\":200}");
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setConferenceStatusCallback(sim.receiver().url("/cb"))
                .setConferenceStatusCallbackEvent(List.of("join")).create(sim.client());

        sim.receiver().awaitOne(event("participant-join"));
        sim.awaitWebhooksIdle(); // the dispatcher logs an attempt once the receiver has answered

        JsonNode log = json(sim.simJson("GET", "/sim/webhooks/deliveries", null));
        assertThat(log.path("total").asInt()).isEqualTo(1);
        assertThat(log.path("recent").get(0).path("status").asInt()).isEqualTo(204);
    }

    @Test
    void badScenarioRequestsAre4xxJsonErrors() throws Exception {
        HttpResponse<String> noFrom = sim.simJson("POST", "/sim/calls/inbound", "{\"workflowSid\":\"WW1\"}");
        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(json(noFrom).path("message").asText()).contains("from");

        HttpResponse<String> notJson = sim.simJson("POST", "/sim/calls/inbound", "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = sim.simJson("POST", "/sim/calls/CA00000000000000000000000000000000/hangup", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("code").asInt()).isEqualTo(20404);

        HttpResponse<String> badFaults = sim.simJson("PUT", "/sim/webhooks/faults", "{\"duplicates\":99}");
        assertThat(badFaults.statusCode()).isEqualTo(400);
        assertThat(json(sim.simJson("GET", "/sim/webhooks/faults", null)).path("duplicates").asInt()).isZero();
    }
}
