package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An effect performed a second time, as the member taking over a dead member's voided claim performs it when the dead
 * member acted at Twilio but died before recording it: Twilio's current state is checked first and nothing is done
 * twice. Real twilio-java over HTTP against twilio-sim.
 */
class TwilioEffectsRepeatTest {

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
