package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskChannel;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceStatistics;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import dev.lifeline.sim.testsupport.SimFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every TaskRouter resource created, fetched, updated and listed through the real twilio-java SDK. */
class TaskRouterRestTest {

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
    void workspacesAreCreatedWithTwiliosDefaultActivitiesAndCanBeFetchedUpdatedAndListed() {
        Workspace workspace = Workspace.fetcher(center.workspaceSid).fetch(sim.client());
        assertThat(workspace.getFriendlyName()).isEqualTo("Lifeline");
        assertThat(workspace.getDateCreated()).isNotNull();
        assertThat(workspace.getDefaultActivityName()).isEqualTo("Offline");
        assertThat(workspace.getTimeoutActivitySid()).isEqualTo(center.offline);

        Workspace updated = Workspace.updater(center.workspaceSid).setTimeoutActivitySid(center.unavailable)
                .setEventCallbackUrl("https://example.com/events").setEventsFilter("task.created,task.canceled")
                .update(sim.client());

        assertThat(updated.getTimeoutActivityName()).isEqualTo("Unavailable");
        assertThat(updated.getEventCallbackUrl()).hasToString("https://example.com/events");
        assertThat(updated.getEventsFilter()).isEqualTo("task.created,task.canceled");
        assertThat(list(Workspace.reader().read(sim.client()))).extracting(Workspace::getSid).contains(center.workspaceSid);
    }

    @Test
    void activitiesAndTaskChannelsAreManagedThroughTheSdk() {
        Activity lunch = Activity.creator(center.workspaceSid, "Lunch").setAvailable(false).create(sim.client());
        assertThat(lunch.getAvailable()).isFalse();
        assertThat(Activity.updater(center.workspaceSid, lunch.getSid()).setFriendlyName("Break").update(sim.client())
                .getFriendlyName()).isEqualTo("Break");
        assertThat(list(Activity.reader(center.workspaceSid).setAvailable("true").read(sim.client())))
                .extracting(Activity::getFriendlyName).containsExactly("Available");

        assertThat(list(TaskChannel.reader(center.workspaceSid).read(sim.client())))
                .extracting(TaskChannel::getUniqueName).contains("default", "voice");
        TaskChannel email = TaskChannel.creator(center.workspaceSid, "Email", "email").create(sim.client());
        assertThat(TaskChannel.fetcher(center.workspaceSid, email.getSid()).fetch(sim.client()).getUniqueName())
                .isEqualTo("email");
    }

    @Test
    void workersKeepAttributesAsAJsonStringAndReportActivityAndChannelCapacity() {
        Worker alice = Worker.creator(center.workspaceSid, "alice")
                .setAttributes("{\"contact_uri\":\"client:alice\",\"skills\":[\"en\"]}").create(sim.client());
        assertThat(alice.getActivityName()).isEqualTo("Offline");
        assertThat(alice.getAvailable()).isFalse();
        assertThat(alice.getAttributes()).contains("\"contact_uri\":\"client:alice\"");

        Worker available = Worker.updater(center.workspaceSid, alice.getSid()).setActivitySid(center.available)
                .setAttributes("{\"contact_uri\":\"client:alice2\"}").update(sim.client());
        assertThat(available.getAvailable()).isTrue();
        assertThat(available.getDateStatusChanged()).isNotNull();
        assertThat(Worker.fetcher(center.workspaceSid, alice.getSid()).fetch(sim.client()).getAttributes())
                .isEqualTo("{\"contact_uri\":\"client:alice2\"}");
        assertThat(list(Worker.reader(center.workspaceSid).setActivitySid(center.available).read(sim.client())))
                .extracting(Worker::getSid).containsExactly(alice.getSid());

        List<WorkerChannel> channels = list(WorkerChannel.reader(center.workspaceSid, alice.getSid()).read(sim.client()));
        assertThat(channels).extracting(WorkerChannel::getTaskChannelUniqueName).contains("voice", "default");
        WorkerChannel chat = WorkerChannel.updater(center.workspaceSid, alice.getSid(), "default")
                .setCapacity(3).update(sim.client());
        assertThat(chat.getConfiguredCapacity()).isEqualTo(3);
        assertThat(chat.getAvailable()).isTrue();
    }

    @Test
    void queuesAndWorkflowsRoundTripTheirSettings() {
        TaskQueue queue = TaskQueue.creator(center.workspaceSid, "Support").setTargetWorkers("1==1")
                .setTaskOrder(TaskQueue.TaskOrder.LIFO).create(sim.client());
        assertThat(queue.getTaskOrder()).isEqualTo(TaskQueue.TaskOrder.LIFO);
        assertThat(TaskQueue.updater(center.workspaceSid, queue.getSid()).setFriendlyName("Care").update(sim.client())
                .getFriendlyName()).isEqualTo("Care");
        assertThat(list(TaskQueue.reader(center.workspaceSid).read(sim.client()))).hasSize(1);

        String configuration = "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + queue.getSid() + "\"}}}";
        Workflow workflow = Workflow.creator(center.workspaceSid, "Inbound", configuration).create(sim.client());
        assertThat(workflow.getTaskReservationTimeout()).isEqualTo(120);
        assertThat(workflow.getConfiguration()).isEqualTo(configuration);
        assertThat(Workflow.updater(center.workspaceSid, workflow.getSid()).setTaskReservationTimeout(15)
                .update(sim.client()).getTaskReservationTimeout()).isEqualTo(15);
        assertThat(list(Workflow.reader(center.workspaceSid).read(sim.client())))
                .extracting(Workflow::getFriendlyName).containsExactly("Inbound");
    }

    @Test
    void tasksAreCreatedFetchedUpdatedListedByFilterAndDeleted() {
        String queue = center.queue("Support");
        String workflow = center.workflowTo(queue);
        Task task = Task.creator(center.workspaceSid).setWorkflowSid(workflow).setAttributes("{\"call_sid\":\"CA1\"}")
                .setPriority(7).setTimeout(600).setTaskChannel("voice").create(sim.client());

        assertThat(task.getAssignmentStatus()).isEqualTo(Task.Status.PENDING);
        assertThat(task.getDateCreated()).isNotNull();
        assertThat(task.getTaskQueueEnteredDate()).isNotNull();
        assertThat(task.getTaskQueueSid()).isEqualTo(queue);
        assertThat(task.getTaskChannelUniqueName()).isEqualTo("voice");
        assertThat(task.getTimeout()).isEqualTo(600);
        assertThat(task.getPriority()).isEqualTo(7);

        Task updated = Task.updater(center.workspaceSid, task.getSid()).setPriority(9).update(sim.client());
        assertThat(updated.getPriority()).isEqualTo(9);
        assertThat(list(Task.reader(center.workspaceSid).setAssignmentStatus("pending").setTaskQueueSid(queue)
                .read(sim.client()))).extracting(Task::getSid).containsExactly(task.getSid());
        assertThat(list(Task.reader(center.workspaceSid).setAssignmentStatus("assigned").read(sim.client()))).isEmpty();
        assertThat(list(Task.reader(center.workspaceSid).setWorkflowSid(workflow).read(sim.client()))).hasSize(1);

        assertThat(Task.deleter(center.workspaceSid, task.getSid()).delete(sim.client())).isTrue();
        assertThat(list(Task.reader(center.workspaceSid).read(sim.client()))).isEmpty();
    }

    @Test
    void reservationsAreListedAndUpdatedThroughBothTheTaskAndTheWorkerPaths() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.availableWorker("alice");
        Task task = center.task(workflow, "{}", null);

        Reservation viaTask = list(Reservation.reader(center.workspaceSid, task.getSid()).read(sim.client())).get(0);
        assertThat(viaTask.getReservationStatus()).isEqualTo(Reservation.Status.PENDING);
        assertThat(viaTask.getWorkerName()).isEqualTo("alice");
        assertThat(viaTask.getDateCreated()).isNotNull();

        var viaWorker = list(com.twilio.rest.taskrouter.v1.workspace.worker.Reservation
                .reader(center.workspaceSid, alice).read(sim.client()));
        assertThat(viaWorker).extracting(r -> r.getSid()).containsExactly(viaTask.getSid());

        var accepted = com.twilio.rest.taskrouter.v1.workspace.worker.Reservation
                .updater(center.workspaceSid, alice, viaTask.getSid())
                .setReservationStatus(com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.ACCEPTED)
                .update(sim.client());
        assertThat(accepted.getReservationStatus())
                .isEqualTo(com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.ACCEPTED);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.ASSIGNED);

        Reservation wrapping = Reservation.updater(center.workspaceSid, task.getSid(), viaTask.getSid())
                .setReservationStatus(Reservation.Status.WRAPPING).update(sim.client());
        assertThat(wrapping.getReservationStatus()).isEqualTo(Reservation.Status.WRAPPING);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.WRAPPING);

        Reservation completed = Reservation.fetcher(center.workspaceSid, task.getSid(), viaTask.getSid()).fetch(sim.client());
        assertThat(completed.getReservationStatus()).isEqualTo(Reservation.Status.WRAPPING);
        center.complete(task.getSid());
        assertThat(center.status(task.getSid(), viaTask.getSid())).isEqualTo(Reservation.Status.COMPLETED);
    }

    @Test
    void statisticsCountTasksByStatusWaitingAgeAndWorkers() {
        String queue = center.queue("Support");
        String workflow = center.workflowTo(queue);
        center.availableWorker("alice");
        center.offlineWorker("bob");
        center.task(workflow, "{}", null);
        Task waiting = center.task(workflow, "{}", null);
        sim.advance(java.time.Duration.ofSeconds(42));

        TaskQueueRealTimeStatistics realTime = TaskQueueRealTimeStatistics.fetcher(center.workspaceSid, queue)
                .fetch(sim.client());
        assertThat(asMap(realTime.getTasksByStatus())).containsEntry("reserved", 1).containsEntry("pending", 1);
        assertThat(realTime.getTotalTasks()).isEqualTo(2);
        assertThat(realTime.getTotalEligibleWorkers()).isEqualTo(2);
        assertThat(realTime.getTotalAvailableWorkers()).isEqualTo(1);
        assertThat(realTime.getLongestTaskWaitingAge()).isEqualTo(42);
        assertThat(realTime.getActivityStatistics()).isNotEmpty();

        TaskQueueStatistics statistics = TaskQueueStatistics.fetcher(center.workspaceSid, queue).fetch(sim.client());
        assertThat(asMap(statistics.getRealtime())).containsEntry("total_tasks", 2);
        assertThat(asMap(statistics.getCumulative())).containsEntry("tasks_entered", 2);

        WorkspaceRealTimeStatistics workspace = WorkspaceRealTimeStatistics.fetcher(center.workspaceSid).fetch(sim.client());
        assertThat(workspace.getTotalWorkers()).isEqualTo(2);
        assertThat(workspace.getTotalTasks()).isEqualTo(2);
        assertThat(workspace.getLongestTaskWaitingSid()).isNotNull();
        assertThat(WorkspaceStatistics.fetcher(center.workspaceSid).fetch(sim.client()).getRealtime()).isNotNull();
        assertThat(waiting.getSid()).isNotNull();
    }

    @Test
    void listsArePagedWithTheV1EnvelopeAndTheSdkFollowsNextPageUrl() throws Exception {
        for (String name : new String[] {"ann", "ben", "cai"}) {
            center.offlineWorker(name);
        }

        List<Worker> all = list(Worker.reader(center.workspaceSid).pageSize(2).read(sim.client()));
        var firstPage = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid + "/Workers?PageSize=2", null).body());

        assertThat(all).extracting(Worker::getFriendlyName).containsExactly("ann", "ben", "cai");
        assertThat(firstPage.get("workers")).hasSize(2);
        assertThat(firstPage.get("meta").get("key").asText()).isEqualTo("workers");
        assertThat(firstPage.get("meta").get("page_size").asInt()).isEqualTo(2);
        assertThat(firstPage.get("meta").get("next_page_url").asText()).contains("Page=1");
        assertThat(firstPage.get("meta").get("previous_page_url").isNull()).isTrue();
    }

    @Test
    void theWorldSnapshotShowsWorkersWithCapacityUseTasksAndReservations() {
        String workflow = center.workflowTo(center.queue("Support"));
        String alice = center.availableWorker("alice");
        Task task = Task.creator(center.workspaceSid).setWorkflowSid(workflow).setAttributes("{\"call_sid\":\"CA1\"}")
                .setTaskChannel("voice").setPriority(4).create(sim.client());

        Map<String, Object> snapshot = sim.sim().taskRouter().snapshot();

        Map<String, Object> workspace = asMap(((List<?>) snapshot.get("workspaces")).get(0));
        Map<String, Object> worker = asMap(((List<?>) workspace.get("workers")).get(0));
        assertThat(worker).containsEntry("sid", alice).containsEntry("activity", "Available");
        assertThat(asMap(asMap(worker.get("channels")).get("voice"))).containsEntry("capacity", 1).containsEntry("used", 1L);
        Map<String, Object> taskView = asMap(((List<?>) workspace.get("tasks")).get(0));
        assertThat(taskView).containsEntry("sid", task.getSid()).containsEntry("status", "reserved")
                .containsEntry("priority", 4).containsEntry("queue", "Support");
        assertThat(asMap(((List<?>) workspace.get("reservations")).get(0))).containsEntry("status", "pending");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
