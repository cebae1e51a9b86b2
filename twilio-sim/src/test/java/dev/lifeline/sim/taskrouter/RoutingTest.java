package dev.lifeline.sim.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private SimFixture sim;
    private ContactCenter center;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim, sim.receiver().url("/taskrouter-events"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void knownWorkerTargetReservesOnlyTheWorkerNamedByTheTask() {
        String queue = center.queue("Support");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\",\"known_worker_sid\":\"task.targetWorkerSid\"}]", 120);
        String alice = center.availableWorker("alice");
        String bob = center.availableWorker("bob");

        Task task = center.task(workflow, "{\"targetWorkerSid\":\"" + bob + "\"}", null);

        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob).isNotEqualTo(alice);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.RESERVED);
    }

    @Test
    void aWorkerAtCapacityIsNotReservedUntilTheTaskCompletes() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.availableWorker("alice");
        Task first = center.task(workflow, "{}", null);
        center.accept(first.getSid(), center.pending(first.getSid()).getSid());

        Task second = center.task(workflow, "{}", null);
        assertThat(center.reservations(second.getSid())).isEmpty();
        assertThat(center.fetch(second.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.PENDING);

        center.complete(first.getSid());

        assertThat(center.pending(second.getSid()).getWorkerSid()).isEqualTo(alice);
    }

    @Test
    void theHigherPriorityTaskIsOfferedFirst() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.offlineWorker("alice");
        Task low = center.task(workflow, "{}", 1);
        Task high = center.task(workflow, "{}", 10);

        Worker.updater(center.workspaceSid, alice).setActivitySid(center.available).update(center.client);

        assertThat(center.pending(high.getSid())).isNotNull();
        assertThat(center.reservations(low.getSid())).isEmpty();
    }

    @Test
    void tasksOfEqualPriorityAreOfferedOldestFirst() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.offlineWorker("alice");
        Task older = center.task(workflow, "{}", 5);
        center.advance(Duration.ofSeconds(1));
        Task newer = center.task(workflow, "{}", 5);

        Worker.updater(center.workspaceSid, alice).setActivitySid(center.available).update(center.client);

        assertThat(center.pending(older.getSid())).isNotNull();
        assertThat(center.reservations(newer.getSid())).isEmpty();
    }

    @Test
    void aTargetTimeoutEscalatesTheTaskToTheNextTarget() {
        String preferred = center.queue("Preferred");
        String everyone = center.queue("Everyone");
        String workflow = center.workflow("[{\"queue\":\"" + preferred + "\",\"known_worker_sid\":\"task.preferredWorkerSid\","
                + "\"timeout\":30},{\"queue\":\"" + everyone + "\"}]", 120);
        String alice = center.offlineWorker("alice");
        String bob = center.availableWorker("bob");

        Task task = center.task(workflow, "{\"preferredWorkerSid\":\"" + alice + "\"}", null);
        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(preferred);
        assertThat(center.reservations(task.getSid())).isEmpty();

        center.advance(Duration.ofSeconds(30));

        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(everyone);
        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void targetTimeoutsCountFromTheTasksCreationSoATaskRoutedAgainLateSkipsTargetsItOutlived() {
        String idle = center.queue("Idle");
        String first = center.queue("First");
        String second = center.queue("Second");
        String workflow = com.twilio.rest.taskrouter.v1.workspace.Workflow.creator(center.workspaceSid, "vip",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"vip\",\"expression\":\"vip == true\","
                        + "\"targets\":[{\"queue\":\"" + first + "\",\"timeout\":10},{\"queue\":\"" + second + "\"}]}],"
                        + "\"default_filter\":{\"queue\":\"" + idle + "\"}}}").create(center.client).getSid();
        Task task = center.task(workflow, "{\"vip\":false}", null);
        assertThat(task.getTaskQueueSid()).isEqualTo(idle);

        center.advance(Duration.ofSeconds(15));
        Task.updater(center.workspaceSid, task.getSid()).setAttributes("{\"vip\":true}").update(center.client);

        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(second);
    }

    @Test
    void aReservationTimeoutMovesTheWorkerToTheTimeoutActivityAndOffersTheTaskToTheNextWorker() {
        String workflow = center.workflow("[{\"queue\":\"" + center.queue("Support") + "\"}]", 20);
        String alice = center.availableWorker("alice");
        String bob = center.availableWorker("bob");
        Task task = center.task(workflow, "{}", null);
        Reservation first = center.pending(task.getSid());
        assertThat(first.getWorkerSid()).isEqualTo(alice);

        center.advance(Duration.ofSeconds(20));

        assertThat(center.status(task.getSid(), first.getSid())).isEqualTo(Reservation.Status.TIMEOUT);
        assertThat(Worker.fetcher(center.workspaceSid, alice).fetch(center.client).getActivitySid()).isEqualTo(center.offline);
        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void aTaskNobodyTakesBeforeItsTimeoutIsCanceledWithTaskTtlExceeded() {
        String workflow = center.workflowTo(center.queue("Support"));
        Task task = com.twilio.rest.taskrouter.v1.workspace.Task.creator(center.workspaceSid)
                .setWorkflowSid(workflow).setAttributes("{}").setTimeout(15).setPriority(1000).create(center.client);

        center.advance(Duration.ofSeconds(14));
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.PENDING);
        center.advance(Duration.ofSeconds(1));

        Task canceled = center.fetch(task.getSid());
        assertThat(canceled.getAssignmentStatus()).isEqualTo(Task.Status.CANCELED);
        assertThat(canceled.getReason()).isEqualTo("Task TTL Exceeded");
    }

    @Test
    void anUpdateWithAStaleIfMatchVersionIsRefusedWith412AndChangesNothing() {
        String workflow = center.workflowTo(center.queue("Support"));
        Task task = center.task(workflow, "{\"step\":1}", null);
        String etag = etagOf(task.getSid());

        Task.updater(center.workspaceSid, task.getSid()).setAttributes("{\"step\":2}").setIfMatch(etag).update(center.client);

        assertThatThrownBy(() -> Task.updater(center.workspaceSid, task.getSid())
                .setAttributes("{\"step\":3}").setIfMatch(etag).update(center.client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThat(center.fetch(task.getSid()).getAttributes()).isEqualTo("{\"step\":2}");
    }

    @Test
    void aDoNotSkipKnownWorkerTargetWaitsInItsQueueWhileTheWorkerIsBusyThenReservesThem() {
        String queue = center.queue("Reconnect");
        String workflow = center.workflow("[{\"queue\":\"" + queue + "\",\"known_worker_sid\":\"task.targetWorkerSid\"}]", 120);
        String alice = center.availableWorker("alice");
        center.availableWorker("bob");
        String attributes = "{\"targetWorkerSid\":\"" + alice + "\"}";
        Task busy = Task.creator(center.workspaceSid).setWorkflowSid(workflow).setAttributes(attributes)
                .setTaskChannel("voice").create(center.client);
        center.accept(busy.getSid(), center.pending(busy.getSid()).getSid());

        Task reconnect = Task.creator(center.workspaceSid).setWorkflowSid(workflow).setAttributes(attributes)
                .setTaskChannel("voice").create(center.client);

        sim.receiver().awaitOne(r -> "task-queue.entered".equals(r.param("EventType"))
                && reconnect.getSid().equals(r.param("TaskSid")) && queue.equals(r.param("TaskQueueSid")));
        assertThat(center.reservations(reconnect.getSid())).isEmpty();

        center.complete(busy.getSid());

        assertThat(center.pending(reconnect.getSid()).getWorkerSid()).isEqualTo(alice);
    }

    @Test
    void aStepTimeoutRescindsThePendingOfferAndTheLastTimeoutFallsThroughToTheDefaultQueue() {
        String first = center.queue("First");
        String fallback = center.queue("Fallback");
        String workflow = com.twilio.rest.taskrouter.v1.workspace.Workflow.creator(center.workspaceSid, "escalating",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"all\",\"expression\":\"1==1\","
                        + "\"targets\":[{\"queue\":\"" + first + "\",\"timeout\":10}]}],"
                        + "\"default_filter\":{\"queue\":\"" + fallback + "\"}}}").create(center.client).getSid();
        String alice = center.availableWorker("alice");
        Task task = center.task(workflow, "{}", null);
        Reservation offered = center.pending(task.getSid());

        center.advance(Duration.ofSeconds(10));

        assertThat(center.status(task.getSid(), offered.getSid())).isEqualTo(Reservation.Status.RESCINDED);
        assertThat(center.fetch(task.getSid()).getTaskQueueSid()).isEqualTo(fallback);
        assertThat(center.pending(task.getSid()).getWorkerSid()).isEqualTo(alice);
        for (String event : new String[] {"reservation.rescinded", "workflow.timeout", "task-queue.moved"}) {
            sim.receiver().awaitOne(r -> event.equals(r.param("EventType")) && task.getSid().equals(r.param("TaskSid")));
        }
    }

    @Test
    void aRejectedTaskGoesToTheNextWorkerAndNeverBackToOneWhoRejectedIt() {
        String workflow = center.workflowTo(center.queue("Support"));
        center.availableWorker("alice");
        String bob = center.availableWorker("bob");
        Task task = center.task(workflow, "{}", null);

        reject(task.getSid(), center.pending(task.getSid()).getSid());
        Reservation second = center.pending(task.getSid());
        assertThat(second.getWorkerSid()).isEqualTo(bob);
        reject(task.getSid(), second.getSid());

        assertThat(center.pending(task.getSid())).isNull();
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.PENDING);
    }

    @Test
    void goingUnavailableWithRejectPendingReservationsRejectsTheWorkersOffer() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.availableWorker("alice");
        Task task = center.task(workflow, "{}", null);
        Reservation offered = center.pending(task.getSid());

        Worker.updater(center.workspaceSid, alice).setActivitySid(center.unavailable)
                .setRejectPendingReservations(true).update(center.client);

        assertThat(center.status(task.getSid(), offered.getSid())).isEqualTo(Reservation.Status.REJECTED);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.PENDING);
    }

    private void reject(String taskSid, String reservationSid) {
        Reservation.updater(center.workspaceSid, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.REJECTED).update(center.client);
    }

    private String etagOf(String taskSid) {
        HttpResponse<String> response = sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid + "/Tasks/" + taskSid, null);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void creatingAndDeletingAWorkerRaiseWorkerCreatedAndWorkerDeleted() {
        String alice = center.availableWorker("alice");

        Received created = sim.receiver().awaitOne(r -> "worker.created".equals(r.param("EventType")));
        assertThat(created.param("WorkerSid")).isEqualTo(alice);
        assertThat(created.param("WorkerName")).isEqualTo("alice");
        assertThat(created.param("WorkerActivityName")).isEqualTo("Available");
        assertThat(created.param("ResourceType")).isEqualTo("worker");

        Worker.deleter(center.workspaceSid, alice).delete(center.client);

        assertThat(sim.receiver().awaitOne(r -> "worker.deleted".equals(r.param("EventType"))).param("WorkerSid"))
                .isEqualTo(alice);
    }
}
