package dev.lifeline.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.server.routing.RoutingFile;
import dev.lifeline.server.routing.RoutingPlan;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routing as configuration against the emulator through the real SDK (issue 19 item 3): the routing file's queues and
 * steps in the voice workflow after Lifeline's recovery filter, priority aging and overflow on the emulator's clock, a
 * recovery's requeued caller keeping its top priority, agents' skills from the users file, hand-made filters kept,
 * idempotent, and a dry run that shows it all.
 */
class RoutingProvisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"version": 1,
             "queues": [{"name": "Sales", "targetWorkers": "routing.skills HAS 'sales'"},
                        {"name": "Support", "targetWorkers": "routing.skills HAS 'support'"}],
             "filters": [{"name": "Sales", "expression": "skill == 'sales'",
                          "steps": [{"queue": "Sales", "timeout": 60},
                                    {"queue": "Sales", "priority": 10, "timeout": 120},
                                    {"queue": "Everyone", "priority": 20}]},
                         {"name": "Support", "expression": "skill == 'support'",
                          "steps": [{"queue": "Support"}]}]}
            """;

    private final ManualClock clock = new ManualClock();
    private final TwilioSim sim = TwilioSim.builder().port(0).clock(clock).start();
    private final TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
            .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();

    @AfterEach
    void stop() {
        sim.close();
    }

    private ProvisionedWorkspace provision(ProvisionReport report) {
        return new WorkspaceProvisioner(client, report).withRouting(plan(), Map.of("alice", List.of("sales")))
                .provision(null, "Routing", "http://localhost:9/webhooks/taskrouter", Map.of("alice", "Alice Agent",
                        "bob", "Bob Agent"), 15, 30);
    }

    private static RoutingPlan plan() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("routing", ".json");
            java.nio.file.Files.writeString(file, PLAN);
            return RoutingFile.load(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRecoveryFilterStaysFirstThenEachRoutingFilterAfterItsRequeueTwinAndAHandMadeFilterIsKept() throws Exception {
        ProvisionedWorkspace workspace = provision(ProvisionReport.applying());
        String voice = workspace.voiceWorkflowSid();
        JsonNode configuration = JSON.readTree(Workflow.fetcher(workspace.workspaceSid(), voice).fetch(client)
                .getConfiguration());
        ((com.fasterxml.jackson.databind.node.ArrayNode) configuration.path("task_routing").path("filters"))
                .addObject().put("filter_friendly_name", "Made by hand").put("expression", "lang == 'fr'")
                .putArray("targets").addObject().put("queue", workspace.voiceQueueSid());
        Workflow.updater(workspace.workspaceSid(), voice).setConfiguration(configuration.toString()).update(client);

        ProvisionReport again = ProvisionReport.applying();
        provision(again);

        assertThat(filterNames(workspace)).containsExactly("Lifeline: Direct to an Agent",
                "Lifeline: Sales (requeued by a recovery)", "Lifeline: Sales",
                "Lifeline: Support (requeued by a recovery)", "Lifeline: Support", "Made by hand");
        assertThat(again.count(ProvisionReport.Outcome.CREATED)).isZero();
        assertThat(again.count(ProvisionReport.Outcome.CHANGED)).isZero();
        ProvisionReport third = ProvisionReport.applying();
        provision(third);
        assertThat(third.count(ProvisionReport.Outcome.CHANGED)).isZero();
    }

    @Test
    void aDryRunShowsTheQueuesAndTheWorkflowItWouldMakeAndMakesNothing() {
        ProvisionReport dryRun = ProvisionReport.dryRun();

        provision(dryRun);

        assertThat(dryRun.lines()).anySatisfy(line -> assertThat(line).contains("queue").contains("Sales"))
                .anySatisfy(line -> assertThat(line).contains("queue").contains("Support"));
        assertThat(sim.taskRouter().snapshot().toString()).doesNotContain("Sales");
    }

    @Test
    void aCallerNobodyTakesAgesThroughTheStepsAndOverflowsToEveryone() {
        ProvisionedWorkspace workspace = provision(ProvisionReport.applying());
        String sales = queueSid(workspace, "Sales");

        Task task = Task.creator(workspace.workspaceSid()).setWorkflowSid(workspace.voiceWorkflowSid())
                .setAttributes("{\"skill\":\"sales\",\"call_sid\":\"CA1\"}").create(client);
        assertThat(fetch(workspace, task).getTaskQueueSid()).isEqualTo(sales);
        assertThat(fetch(workspace, task).getPriority()).isZero();

        clock.advance(Duration.ofSeconds(60));
        assertThat(fetch(workspace, task).getTaskQueueSid()).isEqualTo(sales);
        assertThat(fetch(workspace, task).getPriority()).isEqualTo(10);

        clock.advance(Duration.ofSeconds(120));
        assertThat(fetch(workspace, task).getTaskQueueSid()).isEqualTo(workspace.voiceQueueSid());
        assertThat(fetch(workspace, task).getPriority()).isEqualTo(20);
    }

    @Test
    void aCallerARecoveryRequeuedKeepsItsTopPriorityThroughTheSameSteps() {
        ProvisionedWorkspace workspace = provision(ProvisionReport.applying());

        Task task = Task.creator(workspace.workspaceSid()).setWorkflowSid(workspace.voiceWorkflowSid())
                .setAttributes("{\"skill\":\"sales\",\"call_sid\":\"CA2\",\"lifelineIncident\":\"IN1\"}")
                .setPriority(1000).create(client);
        clock.advance(Duration.ofSeconds(180));

        assertThat(fetch(workspace, task).getTaskQueueSid()).isEqualTo(workspace.voiceQueueSid());
        assertThat(fetch(workspace, task).getPriority()).isEqualTo(1000);
    }

    @Test
    void agentsGetTheirSkillsFromTheUsersFileAndOnlyTheRightSkillIsOfferedToThem() throws Exception {
        ProvisionedWorkspace workspace = provision(ProvisionReport.applying());
        String alice = workspace.workers().get("alice");
        JsonNode attributes = JSON.readTree(Worker.fetcher(workspace.workspaceSid(), alice).fetch(client).getAttributes());
        assertThat(attributes.path("routing").path("skills").toString()).isEqualTo("[\"sales\"]");
        assertThat(JSON.readTree(Worker.fetcher(workspace.workspaceSid(), workspace.workers().get("bob")).fetch(client)
                .getAttributes()).path("routing").path("skills").toString()).isEqualTo("[]");
        Worker.updater(workspace.workspaceSid(), alice).setActivitySid(workspace.activitySid("Available")).update(client);

        Task support = Task.creator(workspace.workspaceSid()).setWorkflowSid(workspace.voiceWorkflowSid())
                .setAttributes("{\"skill\":\"support\",\"call_sid\":\"CA3\"}").create(client);
        Task sales = Task.creator(workspace.workspaceSid()).setWorkflowSid(workspace.voiceWorkflowSid())
                .setAttributes("{\"skill\":\"sales\",\"call_sid\":\"CA4\"}").create(client);

        assertThat(fetch(workspace, sales).getAssignmentStatus()).isEqualTo(Task.Status.RESERVED);
        assertThat(fetch(workspace, support).getAssignmentStatus()).isEqualTo(Task.Status.PENDING);
    }

    private Task fetch(ProvisionedWorkspace workspace, Task task) {
        return Task.fetcher(workspace.workspaceSid(), task.getSid()).fetch(client);
    }

    private String queueSid(ProvisionedWorkspace workspace, String name) {
        return StreamSupport.stream(TaskQueue.reader(workspace.workspaceSid()).read(client).spliterator(), false)
                .filter(q -> name.equals(q.getFriendlyName())).findFirst().orElseThrow().getSid();
    }

    private List<String> filterNames(ProvisionedWorkspace workspace) throws Exception {
        JsonNode filters = JSON.readTree(Workflow.fetcher(workspace.workspaceSid(), workspace.voiceWorkflowSid())
                .fetch(client).getConfiguration()).path("task_routing").path("filters");
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.path("filter_friendly_name").asText()));
        return names;
    }
}
