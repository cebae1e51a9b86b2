package dev.lifeline.sim.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.sim.testsupport.SimFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing decisions that depend on TaskRouter expressions: filters, target_workers and skip_if. */
class ExpressionRoutingTest {

    private SimFixture sim;
    private ContactCenter center;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theFirstFilterWhoseExpressionMatchesTheTaskDecidesItsQueueAndOthersFallToTheDefault() {
        String ping = center.queue("Recovery Ping");
        String voice = center.queue("Voice");
        String workflow = Workflow.creator(center.workspaceSid, "Recovery",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"ping\","
                        + "\"expression\":\"disconnectedWorkerSid != null\",\"targets\":[{\"queue\":\"" + ping + "\"}]}],"
                        + "\"default_filter\":{\"queue\":\"" + voice + "\"}}}").create(center.client).getSid();

        Task pingTask = center.task(workflow, "{\"disconnectedWorkerSid\":\"WK1\"}", null);
        Task plain = center.task(workflow, "{\"type\":\"support\"}", null);

        assertThat(pingTask.getTaskQueueSid()).isEqualTo(ping);
        assertThat(plain.getTaskQueueSid()).isEqualTo(voice);
    }

    @Test
    void changingTheAttributesOfAWaitingTaskRoutesItAgainThroughTheWorkflow() {
        String ping = center.queue("Recovery Ping");
        String voice = center.queue("Voice");
        String workflow = Workflow.creator(center.workspaceSid, "Recovery",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"ping\","
                        + "\"expression\":\"disconnectedWorkerSid != null\",\"targets\":[{\"queue\":\"" + ping + "\"}]}],"
                        + "\"default_filter\":{\"queue\":\"" + voice + "\"}}}").create(center.client).getSid();
        Task task = center.task(workflow, "{}", null);

        Task.updater(center.workspaceSid, task.getSid()).setAttributes("{\"disconnectedWorkerSid\":\"WK1\"}")
                .update(center.client);

        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(ping);
    }

    @Test
    void aQueueOnlyOffersTasksToWorkersItsTargetWorkersExpressionSelects() {
        String sales = TaskQueue.creator(center.workspaceSid, "Sales")
                .setTargetWorkers("routing.skills HAS \"sales\"").create(center.client).getSid();
        String workflow = center.workflowTo(sales);
        Worker.creator(center.workspaceSid, "alice").setActivitySid(center.available)
                .setAttributes("{\"routing\":{\"skills\":[\"support\"]}}").create(center.client);
        String bob = Worker.creator(center.workspaceSid, "bob").setActivitySid(center.available)
                .setAttributes("{\"routing\":{\"skills\":[\"sales\"]}}").create(center.client).getSid();

        Task task = center.task(workflow, "{}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void aWorkerWhoseAttributesNowMatchTheQueueIsOfferedTheWaitingTask() {
        String sales = TaskQueue.creator(center.workspaceSid, "Sales")
                .setTargetWorkers("routing.skills HAS \"sales\"").create(center.client).getSid();
        Task task = center.task(center.workflowTo(sales), "{}", null);
        String alice = center.availableWorker("alice");
        assertThat(center.pending(task.getSid())).isNull();

        Worker.updater(center.workspaceSid, alice).setAttributes("{\"routing\":{\"skills\":[\"sales\"]}}")
                .update(center.client);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(alice);
    }

    @Test
    void skipIfNoWorkersAvailableMovesPastAKnownWorkerTargetWhoseWorkerIsOffline() {
        String preferred = center.queue("Preferred");
        String everyone = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + preferred + "\",\"known_worker_sid\":\"task.targetWorkerSid\","
                + "\"skip_if\":\"workers.available == 0\"},{\"queue\":\"" + everyone + "\"}]", 120);
        String alice = center.offlineWorker("alice");
        String bob = center.availableWorker("bob");

        Task task = center.task(workflow, "{\"targetWorkerSid\":\"" + alice + "\"}", null);

        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(everyone);
        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void aTargetExpressionComparesWorkerAndTaskAttributes() {
        String queue = center.queue("Languages");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\","
                + "\"expression\":\"worker.language == task.language\"}]", 120);
        Worker.creator(center.workspaceSid, "alice").setActivitySid(center.available)
                .setAttributes("{\"language\":\"en\"}").create(center.client);
        String bruno = Worker.creator(center.workspaceSid, "bruno").setActivitySid(center.available)
                .setAttributes("{\"language\":\"fr\"}").create(center.client).getSid();

        Task task = center.task(workflow, "{\"language\":\"fr\"}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bruno);
    }

    @Test
    void aTargetExpressionComparingTheTasksTargetWithWorkerSidReservesThatWorker() {
        String queue = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\","
                + "\"expression\":\"task.targetWorkerSid == worker.sid\"}]", 120);
        center.availableWorker("alice");
        String bob = center.availableWorker("bob");

        Task task = center.task(workflow, "{\"targetWorkerSid\":\"" + bob + "\"}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void workerSidMatchesWithTheWorkerOnTheLeftToo() {
        String queue = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\","
                + "\"expression\":\"worker.sid == task.targetWorkerSid\"}]", 120);
        center.availableWorker("alice");
        String bob = center.availableWorker("bob");

        Task task = center.task(workflow, "{\"targetWorkerSid\":\"" + bob + "\"}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void aWorkerAttributeNamedSidCannotPassForTheWorkersOwnSid() {
        String queue = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\","
                + "\"expression\":\"worker.sid == task.targetWorkerSid\"}]", 120);
        String alice = center.availableWorker("alice");
        Worker.creator(center.workspaceSid, "mallory").setActivitySid(center.available)
                .setAttributes("{\"sid\":\"" + alice + "\"}").create(center.client);
        Worker.updater(center.workspaceSid, alice).setActivitySid(center.offline).update(center.client);

        Task task = center.task(workflow, "{\"targetWorkerSid\":\"" + alice + "\"}", null);

        assertThat(center.pending(task.getSid())).isNull();
    }

    @Test
    void aQueueSelectingWorkersByActivityNameOffersTheTaskToTheAvailableWorker() {
        String available = TaskQueue.creator(center.workspaceSid, "Available only")
                .setTargetWorkers("worker.activity_name == 'Available'").create(center.client).getSid();
        Task task = center.task(center.workflowTo(available), "{}", null);
        assertThat(center.pending(task.getSid())).isNull();

        String alice = center.availableWorker("alice");

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(alice);
    }

    @Test
    void aTargetExpressionOnTheActivitySidSelectsWorkersInThatActivity() {
        String queue = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\","
                + "\"expression\":\"worker.activity_sid IN ['" + center.available + "']\"}]", 120);
        String alice = center.availableWorker("alice");

        Task task = center.task(workflow, "{}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(alice);
    }
}
