package dev.lifeline.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task tags a recovery writes, applied where they are applied in production: TaskRouterGateway over the real
 * twilio-java SDK against twilio-sim, with its If-Match versions. The pure merge ({@link TaskAttributes#mergedWith})
 * is tested on its own; this is the edge, where the original lost Insights' {@code conversations} fields (seed §8.3).
 */
class TaskTagsAtTheEdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Insights' own fields, as Flex and Insights keep them on a voice task. */
    private static final Map<String, Object> INSIGHTS = Map.of(
            "conversation_id", "WTinsights", "segment_link", "https://insights.test/segment/1",
            "queue_time", 12, "conversation_attribute_1", "vip", "hang_up_by", "Customer");

    private final TwilioSim sim = TwilioSim.builder().host("127.0.0.1").port(0).start();
    private final ConcurrentWriterHttpClient http = new ConcurrentWriterHttpClient(new EmulatorHttpClient(sim.baseUrl()));
    private final TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
            .httpClient(http).build();
    private final ProvisionedWorkspace workspace = new WorkspaceProvisioner(client).provision(null, "Tags",
            "http://localhost:9/webhooks/taskrouter", Map.of("alice", "Alice Agent"), 15, 30);
    private final TaskRouterGateway gateway = TaskRouterGateway.over(client, workspace.workspaceSid());

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aWriterBetweenTheReadAndTheWriteForcesA412AndTheRetryKeepsBothWrites() throws Exception {
        String task = voiceTask();
        // Insights writes its queue time between the gateway's read and its conditional write.
        http.beforeTheFirstConditionalWrite(() -> gateway.mergeTaskAttributes(task,
                Map.of("conversations", Map.of("queue_time", 99, "segment_link", "https://insights.test/segment/2"))));

        gateway.mergeTaskAttributes(task, Map.of("disconnectedTime", "2026-12-05T12:00:00Z",
                "conversations", Map.of("followed_by", "Reconnect Agent")));

        assertThat(http.preconditionsFailed()).as("the concurrent write made the first conditional write stale").isEqualTo(1);
        JsonNode attributes = attributes(task);
        assertThat(attributes.path("disconnectedTime").asText()).isEqualTo("2026-12-05T12:00:00Z");
        assertThat(attributes.path("conversations").path("followed_by").asText()).isEqualTo("Reconnect Agent");
        assertThat(attributes.path("conversations").path("queue_time").asInt()).as("the concurrent writer's field").isEqualTo(99);
        assertThat(attributes.path("conversations").path("segment_link").asText()).isEqualTo("https://insights.test/segment/2");
        assertThat(attributes.path("conversations").path("conversation_id").asText()).isEqualTo("WTinsights");
        assertThat(attributes.path("from").asText()).isEqualTo("+15550100");
    }

    @Test
    void insightsConversationFieldsSurviveEveryTagARecoveryWrites() throws Exception {
        String task = voiceTask();
        // A three-party recovery from drop to RESTORED, every effect reported done: each tag it writes on a task.
        List<Effect.MergeTaskAttributes> tags = Scenario.threeParty().reconnected().executorCompletesEverything()
                .all(Effect.MergeTaskAttributes.class);
        assertThat(tags).extracting(Effect::effectId).anyMatch(id -> id.endsWith("tag-original-task"))
                .anyMatch(id -> id.endsWith("mark-ping-successful"));

        for (Effect.MergeTaskAttributes tag : tags) {
            gateway.mergeTaskAttributes(task, tag.patch().values());

            JsonNode conversations = attributes(task).path("conversations");
            INSIGHTS.forEach((field, value) -> assertThat(conversations.path(field).asText())
                    .as("conversations.%s after %s", field, tag.effectId()).isEqualTo(String.valueOf(value)));
        }
        JsonNode attributes = attributes(task);
        assertThat(attributes.path("conversations").path("followed_by").asText()).isEqualTo(RecoveryAttributes.RECONNECT_AGENT);
        assertThat(attributes.path(RecoveryAttributes.WAS_PING_SUCCESSFUL).asBoolean()).isTrue();
        assertThat(attributes.path(RecoveryAttributes.DISCONNECTED_TIME).asText()).isNotEmpty();
    }

    private String voiceTask() throws Exception {
        String attributes = JSON.writeValueAsString(Map.of("from", "+15550100", "conversations", INSIGHTS));
        return Task.creator(workspace.workspaceSid()).setWorkflowSid(workspace.voiceWorkflowSid())
                .setAttributes(attributes).create(client).getSid();
    }

    private JsonNode attributes(String task) throws Exception {
        return JSON.readTree(gateway.fetchTask(task).attributesJson());
    }

    /** Runs a write of someone else's just before the first conditional task update, and counts Twilio's 412s. */
    private static final class ConcurrentWriterHttpClient extends HttpClient {

        private final HttpClient delegate;
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicInteger preconditionsFailed = new AtomicInteger();
        private volatile Runnable concurrentWrite = () -> { };

        ConcurrentWriterHttpClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        void beforeTheFirstConditionalWrite(Runnable write) {
            concurrentWrite = write;
            armed.set(true);
        }

        int preconditionsFailed() {
            return preconditionsFailed.get();
        }

        @Override
        public Response makeRequest(Request request) {
            boolean conditional = request.getHeaderParams().containsKey("If-Match");
            if (conditional && armed.compareAndSet(true, false)) {
                concurrentWrite.run();
            }
            Response response = delegate.makeRequest(request);
            if (conditional && response.getStatusCode() == 412) {
                preconditionsFailed.incrementAndGet();
            }
            return response;
        }
    }
}
