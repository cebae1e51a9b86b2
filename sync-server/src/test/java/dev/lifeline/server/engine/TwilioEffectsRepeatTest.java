package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An effect performed a second time, as the member taking over a dead member's voided claim performs it when the dead
 * member acted at Twilio but died before recording it: Twilio's current state is checked first, or (the rejoin's dial)
 * Twilio refuses the repeat itself, and nothing is done twice. Real twilio-java over HTTP against twilio-sim.
 */
class TwilioEffectsRepeatTest {

    /** Nobody answers it: the agent's rejoined leg rings while the dial is performed again. */
    private static final String AGENT_PHONE = "+15550100077";
    private static final String CUSTOMER_PHONE = "+15551230001";
    private static final String INCIDENT = "CF0000000000000000000000000000dead:CA0000000000000000000000000000a11c";

    private final TwilioSim sim = TwilioSim.builder().host("127.0.0.1").port(0).start();
    private final TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
            .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
    private final ProvisionedWorkspace workspace = new WorkspaceProvisioner(client).provision(null, "Repeat",
            "http://localhost:9/webhooks/taskrouter", Map.of("alice", "Alice Agent"), 15, 30);
    private final TaskRouterGateway taskRouter = TaskRouterGateway.over(client, workspace.workspaceSid());
    private final TwilioEffects effects = new TwilioEffects(VoiceGateway.over(client), taskRouter,
            "http://localhost:9/webhooks/conference");

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aPingCreatedByAMemberThatDiedIsThePingNotASecondOne() {
        String customer = sim.voice().inboundCall("+15551230001", "+15550100000", workspace.voiceWorkflowSid(), "{}", null, null);
        Effect.CreatePingTask ping = new Effect.CreatePingTask(INCIDENT + "/1/create-ping-task", workspace.pingWorkflowSid(),
                recoveryAttributes(customer, null), 15, 100);

        EffectOutcome first = effects.perform(ping);
        EffectOutcome again = effects.perform(ping);

        assertThat(again.kind()).isEqualTo(EffectOutcome.Kind.DONE);
        assertThat(again.detail()).as("the second performance reports the first's ping").isEqualTo(first.detail());
        assertThat(tasksOf(workspace.pingWorkflowSid())).hasSize(1);
    }

    @Test
    void aCustomerEnqueuedByAMemberThatDiedIsNotRedirectedAgain() {
        String customer = sim.voice().inboundCall("+15551230001", "+15550100000", workspace.voiceWorkflowSid(), "{}", null, null);
        Effect.RedirectCustomerToEnqueue reconnect = new Effect.RedirectCustomerToEnqueue(INCIDENT + "/1/redirect-reconnect",
                customer, workspace.voiceWorkflowSid(), recoveryAttributes(customer, alice())
                .with(RecoveryAttributes.IS_RECONNECT, true), 1000);

        assertThat(effects.perform(reconnect).detail()).startsWith("enqueued");
        EffectOutcome again = effects.perform(reconnect);

        assertThat(again.kind()).isEqualTo(EffectOutcome.Kind.DONE);
        assertThat(again.detail()).startsWith("already enqueued");
        assertThat(sim.voice().effects(customer).getOrDefault("redirect", 0)).as("redirects of the customer").isEqualTo(1);
        assertThat(tasksOf(workspace.voiceWorkflowSid())).filteredOn(task -> task.attributesJson().contains(INCIDENT))
                .hasSize(1);
    }

    @Test
    void aRequeueOfTheSameAttemptIsNotTakenForTheReconnectBeforeIt() {
        String customer = sim.voice().inboundCall("+15551230001", "+15550100000", workspace.voiceWorkflowSid(), "{}", null, null);
        effects.perform(new Effect.RedirectCustomerToEnqueue(INCIDENT + "/1/redirect-reconnect", customer,
                workspace.voiceWorkflowSid(), recoveryAttributes(customer, alice()), 1000));

        EffectOutcome requeue = effects.perform(new Effect.RedirectCustomerToEnqueue(INCIDENT + "/1/redirect-requeue",
                customer, workspace.voiceWorkflowSid(), recoveryAttributes(customer, null), 1000));

        assertThat(requeue.detail()).as("another target: a redirect of its own").startsWith("enqueued");
        assertThat(sim.voice().effects(customer).getOrDefault("redirect", 0)).isEqualTo(2);
    }

    @Test
    void aRejoinDialledByAMemberThatDiedRingsTheAgentOnceWithNoLookFirst() {
        String conference = conferenceWithCustomer("room-rejoin");
        Effect.DialAgentIntoConference dial = new Effect.DialAgentIntoConference(INCIDENT + "/1/rejoin-agent", conference,
                AGENT_PHONE, "+15551230001", "alice");

        EffectOutcome first = effects.perform(dial);
        EffectOutcome again = effects.perform(dial);

        assertThat(first.kind()).isEqualTo(EffectOutcome.Kind.DONE);
        assertThat(again.kind()).isEqualTo(EffectOutcome.Kind.DONE);
        assertThat(again.detail()).as("the second performance reports the first's leg, still ringing").isEqualTo(first.detail());
        assertThat(callsTo(AGENT_PHONE)).as("calls to the agent").isEqualTo(1);
    }

    @Test
    void aRejoinIntoAConferenceThatIsOverFindsNobodyToRejoin() {
        String conference = conferenceWithCustomer("room-over");
        com.twilio.rest.api.v2010.account.Conference.updater(conference)
                .setStatus(com.twilio.rest.api.v2010.account.Conference.UpdateStatus.COMPLETED).update(client);

        EffectOutcome outcome = effects.perform(new Effect.DialAgentIntoConference(INCIDENT + "/1/rejoin-agent", conference,
                AGENT_PHONE, "+15551230001", "alice"));

        assertThat(outcome.kind()).isEqualTo(EffectOutcome.Kind.TARGET_GONE);
        assertThat(callsTo(AGENT_PHONE)).isZero();
    }

    /**
     * The race a look before the dial could not close: another performer of the same dial (a member cut off but still
     * running, or the one that took over its voided claim) gets its create to Twilio between this one's look and its
     * create. That was taken for Twilio refusing the dial, and requeued the customer under the agent ringing in.
     */
    @Test
    void aRejoinDialThatLosesTheRaceToAnotherPerformersDialTakesItsLeg() {
        String conference = conferenceWithCustomer("room-race");
        AtomicReference<String> otherPerformersLeg = new AtomicReference<>();
        HttpClient emulator = new EmulatorHttpClient(sim.baseUrl());
        HttpClient racing = new HttpClient() {
            @Override
            public Response makeRequest(Request request) {
                boolean create = request.getMethod() == HttpMethod.POST && request.getUrl().endsWith("/Participants.json");
                if (create && otherPerformersLeg.get() == null) {
                    otherPerformersLeg.set(sim.voice().addParticipant(conference, CUSTOMER_PHONE, AGENT_PHONE, "alice", false));
                }
                return emulator.makeRequest(request);
            }
        };
        TwilioEffects losing = new TwilioEffects(VoiceGateway.over(new TwilioRestClient.Builder(sim.accountSid(),
                sim.authToken()).httpClient(racing).build()), taskRouter, "http://localhost:9/webhooks/conference");

        EffectOutcome outcome = losing.perform(new Effect.DialAgentIntoConference(INCIDENT + "/1/rejoin-agent", conference,
                AGENT_PHONE, CUSTOMER_PHONE, "alice"));

        assertThat(outcome.kind()).as("not a refusal: the agent is being dialled in").isEqualTo(EffectOutcome.Kind.DONE);
        assertThat(outcome.detail()).isEqualTo(otherPerformersLeg.get());
        assertThat(callsTo(AGENT_PHONE)).as("calls to the agent").isEqualTo(1);
    }

    /** A customer's call in a conference of its own; the conference's SID. */
    private String conferenceWithCustomer(String name) {
        sim.voice().registerAutoAnswer(CUSTOMER_PHONE, java.time.Duration.ZERO);
        com.twilio.rest.api.v2010.account.Call.creator(new com.twilio.type.PhoneNumber(CUSTOMER_PHONE),
                new com.twilio.type.PhoneNumber("+15550100000"),
                new com.twilio.type.Twiml("<Response><Dial><Conference>" + name + "</Conference></Dial></Response>"))
                .create(client);
        return com.twilio.rest.api.v2010.account.Conference.reader().setFriendlyName(name).read(client).iterator().next()
                .getSid();
    }

    @SuppressWarnings("unchecked")
    private long callsTo(String address) {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        return ((List<Map<String, Object>>) voice.get("calls")).stream().filter(call -> address.equals(call.get("to"))).count();
    }

    @Test
    void anAnnouncementCarriesItsEffectSoTwiliosAnnouncementEndCompletesIt() {
        String effectId = INCIDENT + "/1/announce";
        String url = AnnouncementWitness.urlFor("https://lifeline.test/media/connection-interrupted.mp3", effectId);

        assertThat(AnnouncementWitness.effectIdIn(url)).contains(effectId);
        assertThat(AnnouncementWitness.effectIdIn(AnnouncementWitness.urlFor("https://lifeline.test/twiml?x=1", effectId)))
                .contains(effectId);
        assertThat(AnnouncementWitness.effectIdIn("https://lifeline.test/media/connection-interrupted.mp3")).isEmpty();
        assertThat(AnnouncementWitness.effectIdIn("https://lifeline.test/a.mp3?lifelineEffect=%zz")).isEmpty();
    }

    private String alice() {
        return workspace.workers().get("alice");
    }

    private TaskAttributes recoveryAttributes(String customer, String targetWorkerSidOrNull) {
        return TaskAttributes.of(Map.of(RecoveryAttributes.LIFELINE_INCIDENT, INCIDENT,
                RecoveryAttributes.LIFELINE_ATTEMPT, 1, RecoveryAttributes.CALL_SID, customer,
                "disconnectedWorkerSid", alice()))
                .with(RecoveryAttributes.TARGET_WORKER_SID, targetWorkerSidOrNull);
    }

    private List<TaskDetails> tasksOf(String workflowSid) {
        return taskRouter.tasks(workflowSid, List.of()).stream()
                .filter(task -> TaskAttributesJson.read(task.attributesJson()).has(RecoveryAttributes.LIFELINE_INCIDENT))
                .toList();
    }
}
