package dev.lifeline.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.events.v1.Subscription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Provisioning through the real SDK against twilio-sim: what the original made people click by hand. */
class WorkspaceProvisionerTest {

    private final TwilioSim sim = TwilioSim.builder().port(0).start();
    private final TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
            .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
    private final WorkspaceProvisioner provisioner = new WorkspaceProvisioner(client);

    @AfterEach
    void stop() {
        sim.close();
    }

    private ProvisionedWorkspace provision() {
        return provisioner.provision(null, "Test", "http://localhost:9/webhooks/taskrouter",
                Map.of("alice", "Alice Agent"), 15, 30);
    }

    @Test
    void runningItTwiceCreatesNothingNew() {
        ProvisionedWorkspace first = provision();
        ProvisionedWorkspace second = provision();

        assertThat(second).isEqualTo(first);
        assertThat(StreamSupport.stream(Subscription.reader().read(client).spliterator(), false).count()).isEqualTo(1);
    }

    @Test
    void theVoiceWorkflowSendsReconnectsToTheirTargetWorkerWithoutSkipping() {
        ProvisionedWorkspace workspace = provision();

        String configuration = Workflow.fetcher(workspace.workspaceSid(), workspace.voiceWorkflowSid()).fetch(client).getConfiguration();

        assertThat(configuration).contains("\"filter_friendly_name\":\"Lifeline: Direct to an Agent\"")
                .contains("\"expression\":\"targetWorkerSid != null\"")
                .contains("\"known_worker_sid\":\"task.targetWorkerSid\"")
                .doesNotContain("skip_if");
    }

    @Test
    void theRecoveryPingWorkflowOffersThePingToTheDisconnectedWorkerOnly() {
        ProvisionedWorkspace workspace = provision();

        Workflow ping = Workflow.fetcher(workspace.workspaceSid(), workspace.pingWorkflowSid()).fetch(client);

        assertThat(ping.getFriendlyName()).isEqualTo("Recovery Ping");
        assertThat(ping.getConfiguration()).contains("\"known_worker_sid\":\"task.disconnectedWorkerSid\"")
                .contains("disconnectedWorkerSid != null");
        assertThat(ping.getTaskReservationTimeout()).isEqualTo(15);
    }

    @Test
    void workersAreReachedAtTheirAgentsSipAddress() throws Exception {
        ProvisionedWorkspace workspace = provision();

        String attributes = Worker.fetcher(workspace.workspaceSid(), workspace.workers().get("alice")).fetch(client)
                .getAttributes();

        assertThat(new ObjectMapper().readTree(attributes).path("contact_uri").asText())
                .isEqualTo("sip:alice@lifeline.sip.twilio.com");
    }

    @Test
    void inTwilioModeExistingWorkersNamedLikeAgentsGetTheirSipAddressAndKeepTheirOtherAttributes() throws Exception {
        ProvisionedWorkspace workspace = provisioner.provision(null, "Flex", "http://localhost:9/webhooks/taskrouter",
                Map.of(), 15, 30);
        String flexWorker = Worker.creator(workspace.workspaceSid(), "carol")
                .setAttributes("{\"contact_uri\":\"client:carol\",\"routing\":{\"skills\":[\"fr\"]}}").create(client).getSid();
        Worker.creator(workspace.workspaceSid(), "someone-else").setAttributes("{}").create(client);

        Map<String, String> found = provisioner.keepContactUris(workspace.workspaceSid(),
                Map.of("carol", "sip:carol@acme.sip.twilio.com", "dave", "sip:dave@acme.sip.twilio.com"));

        assertThat(found).isEqualTo(Map.of("carol", flexWorker));
        var attributes = new ObjectMapper().readTree(Worker.fetcher(workspace.workspaceSid(), flexWorker).fetch(client)
                .getAttributes());
        assertThat(attributes.path("contact_uri").asText()).isEqualTo("sip:carol@acme.sip.twilio.com");
        assertThat(attributes.path("routing").path("skills").get(0).asText()).isEqualTo("fr");
    }
}
