package dev.lifeline.sim.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.rest.events.v1.Sink;
import com.twilio.rest.events.v1.Subscription;
import com.twilio.rest.events.v1.subscription.SubscribedEvent;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.security.RequestValidator;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimFixture sim;
    private String workspaceSid;
    private String workflowSid;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        workspaceSid = Workspace.creator("Lifeline").create(sim.client()).getSid();
        String queue = TaskQueue.creator(workspaceSid, "Support").setTargetWorkers("1==1").create(sim.client()).getSid();
        workflowSid = Workflow.creator(workspaceSid, "Inbound",
                "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + queue + "\"}}}").create(sim.client()).getSid();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void sinksAndSubscriptionsAreCreatedFetchedListedAndDeletedThroughTheSdk() {
        Sink sink = Sink.creator("lifeline", Map.of("destination", "https://example.com/events", "method", "POST",
                "batch_events", true), Sink.SinkType.WEBHOOK).create(sim.client());
        assertThat(sink.getSid()).startsWith("DG");
        assertThat(sink.getStatus()).isEqualTo(Sink.Status.ACTIVE);
        assertThat(sink.getDateCreated()).isNotNull();
        assertThat(Sink.fetcher(sink.getSid()).fetch(sim.client()).getSinkType()).isEqualTo(Sink.SinkType.WEBHOOK);
        assertThat(list(Sink.reader().read(sim.client()))).extracting(Sink::getSid).containsExactly(sink.getSid());

        Subscription subscription = Subscription.creator("recovery", sink.getSid(), List.of(
                Map.of("type", "com.twilio.taskrouter.reservation.accepted", "schema_version", 1),
                Map.of("type", "com.twilio.taskrouter.task.canceled", "schema_version", 1))).create(sim.client());
        assertThat(subscription.getSinkSid()).isEqualTo(sink.getSid());
        assertThat(subscription.getDateCreated()).isNotNull();
        assertThat(Subscription.fetcher(subscription.getSid()).fetch(sim.client()).getDescription()).isEqualTo("recovery");
        assertThat(list(Subscription.reader().read(sim.client()))).hasSize(1);
        assertThat(list(SubscribedEvent.reader(subscription.getSid()).read(sim.client())))
                .extracting(SubscribedEvent::getType)
                .containsExactly("com.twilio.taskrouter.reservation.accepted", "com.twilio.taskrouter.task.canceled");

        assertThat(Subscription.deleter(subscription.getSid()).delete(sim.client())).isTrue();
        assertThat(Sink.deleter(sink.getSid()).delete(sim.client())).isTrue();
        assertThat(list(Sink.reader().read(sim.client()))).isEmpty();
    }

    @Test
    void aBatchingSinkReceivesOneArrayOfCloudEventsPerStateChangeOnlyForSubscribedTypes() throws Exception {
        subscribe(true, "task.created", "task-queue.entered");

        Task task = Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes("{\"call_sid\":\"CA1\"}")
                .setPriority(3).setTaskChannel("voice").create(sim.client());

        Received post = sim.receiver().awaitOne(r -> r.path().equals("/sink"));
        JsonNode events = JSON.readTree(post.body());
        assertThat(events.isArray()).isTrue();
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("com.twilio.taskrouter.task.created", "com.twilio.taskrouter.task-queue.entered");
        JsonNode created = events.get(0);
        assertThat(created.get("specversion").asText()).isEqualTo("1.0");
        assertThat(created.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(created.get("dataschema").asText()).isEqualTo("https://events-schemas.twilio.com/TaskRouter.WDSEvent/1");
        assertThat(created.get("source").asText()).isEqualTo("/v1/Workspaces/" + workspaceSid + "/Tasks/" + task.getSid());
        assertThat(created.get("id").asText()).isNotBlank().isNotEqualTo(events.get(1).get("id").asText());
        assertThat(created.get("time").asText()).isNotBlank();
        JsonNode payload = created.get("data").get("payload");
        assertThat(payload.get("eventtype").asText()).isEqualTo("task.created");
        assertThat(payload.get("task_sid").asText()).isEqualTo(task.getSid());
        assertThat(payload.get("task_attributes").isTextual()).isTrue();
        assertThat(JSON.readTree(payload.get("task_attributes").asText()).get("call_sid").asText()).isEqualTo("CA1");
        assertThat(payload.get("task_channel_unique_name").asText()).isEqualTo("voice");
        assertThat(payload.get("task_priority").asInt()).isEqualTo(3);
        assertThat(payload.get("workflow_sid").asText()).isEqualTo(workflowSid);
        assertThat(payload.get("workspace_sid").asText()).isEqualTo(workspaceSid);
        assertThat(payload.get("account_sid").asText()).isEqualTo(sim.accountSid());
        assertThat(events.get(1).get("data").get("payload").get("task_queue_name").asText()).isEqualTo("Support");
    }

    @Test
    void aNonBatchingSinkReceivesEachEventAsASingleObject() throws Exception {
        subscribe(false, "task.created", "task-queue.entered");

        Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes("{}").create(sim.client());

        List<Received> posts = sim.receiver().await(r -> r.path().equals("/sink"), 2, Duration.ofSeconds(5));
        Set<String> types = posts.stream().map(r -> readObject(r.body()).get("type").asText()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder("com.twilio.taskrouter.task.created",
                "com.twilio.taskrouter.task-queue.entered");
    }

    @Test
    void deliveriesAreSignedWithTheBodySha256SchemeThatRequestValidatorAccepts() throws Exception {
        subscribe(true, "task.created");

        Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes("{\"name\":\"Zoë & co\"}").create(sim.client());

        Received post = sim.receiver().awaitOne(r -> r.path().equals("/sink"));
        RequestValidator validator = new RequestValidator(sim.authToken());
        String signature = post.header("X-Twilio-Signature");
        assertThat(post.url()).contains("bodySHA256=");
        assertThat(validator.validate(post.url(), post.body(), signature)).isTrue();
        assertThat(validator.validate(post.url(), post.body().replace("task.created", "task.canceled"), signature)).isFalse();
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainUntilItAccepts() throws Exception {
        subscribe(true, "task.created");
        sim.receiver().respondWith(500);

        Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes("{}").create(sim.client());
        sim.receiver().awaitOne(r -> r.path().equals("/sink"));
        sim.receiver().respondWith(204);

        List<Received> attempts = sim.receiver().await(r -> r.path().equals("/sink"), 2, Duration.ofSeconds(5));
        String firstId = JSON.readTree(attempts.get(0).body()).get(0).get("id").asText();
        String secondId = JSON.readTree(attempts.get(1).body()).get(0).get("id").asText();
        assertThat(secondId).isEqualTo(firstId);
        sim.awaitWebhooksIdle();
        assertThat(sim.sim().webhooks().deliveries()).anyMatch(d -> d.url().endsWith("/sink") && d.status() == 204);
    }

    @Test
    void theClassicWorkspaceEventCallbackIsASignedFormWithEpochSecondTimestamps() {
        Workspace.updater(workspaceSid).setEventCallbackUrl(sim.receiver().url("/classic"))
                .setEventsFilter("task.created").update(sim.client());

        Task task = Task.creator(workspaceSid).setWorkflowSid(workflowSid).setAttributes("{\"a\":1}").create(sim.client());

        Received post = sim.receiver().awaitOne(r -> r.path().equals("/classic"));
        assertThat(post.param("EventType")).isEqualTo("task.created");
        assertThat(post.param("ResourceType")).isEqualTo("task");
        assertThat(post.param("ResourceSid")).isEqualTo(task.getSid());
        assertThat(post.param("TaskSid")).isEqualTo(task.getSid());
        assertThat(post.param("TaskAttributes")).isEqualTo("{\"a\":1}");
        assertThat(post.param("WorkflowSid")).isEqualTo(workflowSid);
        assertThat(post.param("Sid")).startsWith("EV");
        assertThat(post.param("Timestamp")).matches("\\d{10}");
        assertThat(new RequestValidator(sim.authToken())
                .validate(post.url(), post.singleValuedParams(), post.header("X-Twilio-Signature"))).isTrue();
        sim.awaitWebhooksIdle();
        assertThat(sim.receiver().matching(r -> r.path().equals("/classic")))
                .allMatch(r -> "task.created".equals(r.param("EventType")));
    }

    private void subscribe(boolean batch, String... eventTypes) {
        String sink = Sink.creator("test", Map.of("destination", sim.receiver().url("/sink"), "method", "POST",
                "batch_events", batch), Sink.SinkType.WEBHOOK).create(sim.client()).getSid();
        List<Object> types = new ArrayList<>();
        for (String type : eventTypes) {
            types.add(Map.of("type", "com.twilio.taskrouter." + type, "schema_version", 1));
        }
        Subscription.creator("test", sink, types).create(sim.client());
    }

    private static JsonNode readObject(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            assertThat(node.isObject()).as("a single CloudEvent object, not an array").isTrue();
            return node;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T extends Resource> List<T> list(ResourceSet<T> set) {
        List<T> items = new ArrayList<>();
        set.forEach(items::add);
        return items;
    }
}
