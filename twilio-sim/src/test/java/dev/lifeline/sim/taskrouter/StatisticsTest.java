package dev.lifeline.sim.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueuesStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersStatistics;
import com.twilio.rest.taskrouter.v1.workspace.workflow.WorkflowCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.workflow.WorkflowRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.workflow.WorkflowStatistics;
import dev.lifeline.sim.testsupport.SimFixture;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TaskRouter statistics read through the real twilio-java SDK: cumulative figures count events in a window (Twilio's
 * default is the last 15 minutes), with Twilio's field names, for the workspace, a workflow, a queue and workers.
 */
class StatisticsTest {

    private SimFixture sim;
    private ContactCenter center;
    private String queue;
    private String workflow;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim);
        queue = center.queue("Support");
        workflow = center.workflow("[{\"queue\":\"" + queue + "\"}]", 30);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anAcceptedThenCompletedReservationStillCountsAsAccepted() {
        center.availableWorker("alice");
        Task task = center.task(workflow, "{}", null);
        center.accept(task.getSid(), center.pending(task.getSid()).getSid());
        center.complete(task.getSid());

        WorkspaceCumulativeStatistics stats = WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).fetch(center.client);

        assertThat(stats.getReservationsCreated()).isEqualTo(1);
        assertThat(stats.getReservationsAccepted()).isEqualTo(1);
        assertThat(stats.getTasksCreated()).isEqualTo(1);
        assertThat(stats.getTasksCompleted()).isEqualTo(1);
        assertThat(stats.getReservationsTimedOut()).isZero();
        assertThat(stats.getTasksDeleted()).isZero();
        assertThat(stats.getTasksMoved()).isZero();
        assertThat(stats.getTasksTimedOutInWorkflow()).isZero();
        assertThat(stats.getStartTime()).isNotNull();
        assertThat(Duration.between(stats.getStartTime(), stats.getEndTime())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void waitDurationsMeasureFromTaskCreationToAcceptanceOrCancellation() {
        Task accepted = center.task(workflow, "{}", null);
        Task canceled = center.task(workflow, "{}", null);
        center.advance(Duration.ofSeconds(10));
        Task.updater(center.workspaceSid, canceled.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(center.client);
        center.advance(Duration.ofSeconds(20));
        center.availableWorker("alice");
        center.accept(accepted.getSid(), center.pending(accepted.getSid()).getSid());

        WorkspaceCumulativeStatistics stats = WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).fetch(center.client);

        assertThat(stats.getAvgTaskAcceptanceTime()).isEqualTo(30);
        assertThat(asMap(stats.getWaitDurationUntilAccepted()))
                .containsEntry("avg", 30).containsEntry("min", 30).containsEntry("max", 30).containsEntry("total", 30);
        assertThat(asMap(stats.getWaitDurationUntilCanceled())).containsEntry("avg", 10).containsEntry("total", 10);
        assertThat(stats.getTasksCanceled()).isEqualTo(1);
    }

    @Test
    void rejectedAndTimedOutReservationsAreCountedUnderTwiliosNames() {
        center.availableWorker("alice");
        Task first = center.task(workflow, "{}", null);
        Reservation.updater(center.workspaceSid, first.getSid(), center.pending(first.getSid()).getSid())
                .setReservationStatus(Reservation.Status.REJECTED).update(center.client);
        center.task(workflow, "{}", null);
        center.advance(Duration.ofSeconds(30));

        Map<String, Object> raw = json("/CumulativeStatistics");

        assertThat(raw).containsEntry("reservations_rejected", 1).containsEntry("reservations_timed_out", 1)
                .doesNotContainKey("reservations_timeout");
    }

    @Test
    void theDefaultWindowIsTheLastFifteenMinutesAndMinutesOrDatesWidenIt() {
        center.task(workflow, "{}", null);
        center.advance(Duration.ofMinutes(20));
        center.task(workflow, "{}", null);

        assertThat(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).fetch(center.client).getTasksCreated())
                .isEqualTo(1);
        assertThat(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).setMinutes(30).fetch(center.client)
                .getTasksCreated()).isEqualTo(2);
        ZonedDateTime now = ZonedDateTime.ofInstant(sim.clock().now(), ZoneOffset.UTC);
        assertThat(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).setStartDate(now.minusMinutes(25))
                .setEndDate(now.minusMinutes(5)).fetch(center.client).getTasksCreated()).isEqualTo(1);
    }

    @Test
    void splitByWaitTimeCountsAcceptancesAndCancellationsBelowAndAboveEachThreshold() {
        Task quick = center.task(workflow, "{}", null);
        Task slow = center.task(workflow, "{}", null);
        center.advance(Duration.ofSeconds(3));
        center.availableWorker("alice");
        center.accept(quick.getSid(), center.pending(quick.getSid()).getSid());
        center.advance(Duration.ofSeconds(40));
        Task.updater(center.workspaceSid, slow.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(center.client);

        Map<String, Object> split = asMap(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid)
                .setSplitByWaitTime("5,30").fetch(center.client).getSplitByWaitTime());

        assertThat(asMap(asMap(split.get("5")).get("below"))).containsEntry("reservations_accepted", 1)
                .containsEntry("tasks_canceled", 0);
        assertThat(asMap(asMap(split.get("30")).get("above"))).containsEntry("reservations_accepted", 0)
                .containsEntry("tasks_canceled", 1);
    }

    @Test
    void theTaskChannelFilterCountsOnlyThatChannelsTasks() {
        Task.creator(center.workspaceSid).setWorkflowSid(workflow).setAttributes("{}").setTaskChannel("voice")
                .create(center.client);
        center.task(workflow, "{}", null);

        assertThat(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).setTaskChannel("voice").fetch(center.client)
                .getTasksCreated()).isEqualTo(1);
    }

    @Test
    void aQueueCountsTasksEnteredMovedOutAndTheWaitInsideIt() {
        String overflow = center.queue("Overflow");
        String escalating = com.twilio.rest.taskrouter.v1.workspace.Workflow.creator(center.workspaceSid, "escalating",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"all\",\"expression\":\"1==1\","
                        + "\"targets\":[{\"queue\":\"" + queue + "\",\"timeout\":10}]}],"
                        + "\"default_filter\":{\"queue\":\"" + overflow + "\"}}}").create(center.client).getSid();
        Task task = center.task(escalating, "{}", null);
        center.advance(Duration.ofSeconds(10));
        center.advance(Duration.ofSeconds(5));
        center.availableWorker("alice");
        center.accept(task.getSid(), center.pending(task.getSid()).getSid());

        TaskQueueCumulativeStatistics first = TaskQueueCumulativeStatistics.fetcher(center.workspaceSid, queue)
                .fetch(center.client);
        TaskQueueCumulativeStatistics second = TaskQueueCumulativeStatistics.fetcher(center.workspaceSid, overflow)
                .fetch(center.client);

        assertThat(first.getTasksEntered()).isEqualTo(1);
        assertThat(first.getTasksMoved()).isEqualTo(1);
        assertThat(first.getReservationsAccepted()).isZero();
        assertThat(second.getTasksEntered()).isEqualTo(1);
        assertThat(second.getReservationsAccepted()).isEqualTo(1);
        assertThat(asMap(second.getWaitDurationUntilAccepted())).containsEntry("total", 15);
        assertThat(asMap(second.getWaitDurationInQueueUntilAccepted())).containsEntry("total", 5);
        assertThat(WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).fetch(center.client)
                .getTasksTimedOutInWorkflow()).isEqualTo(1);
    }

    @Test
    void everyQueuesStatisticsAreListed() {
        String other = center.queue("Other");
        center.task(workflow, "{}", null);

        List<TaskQueuesStatistics> all = ContactCenter.list(TaskQueuesStatistics.reader(center.workspaceSid)
                .read(center.client));

        assertThat(all).extracting(TaskQueuesStatistics::getTaskQueueSid).containsExactlyInAnyOrder(queue, other);
        TaskQueuesStatistics support = all.stream().filter(s -> s.getTaskQueueSid().equals(queue)).findFirst().orElseThrow();
        assertThat(asMap(support.getRealtime())).containsEntry("total_tasks", 1);
        assertThat(asMap(support.getCumulative())).containsEntry("tasks_entered", 1);
    }

    @Test
    void aWorkflowHasRealTimeCumulativeAndCombinedStatistics() {
        center.task(workflow, "{}", null);
        center.task(center.workflowTo(queue), "{}", null);

        WorkflowRealTimeStatistics realTime = WorkflowRealTimeStatistics.fetcher(center.workspaceSid, workflow)
                .fetch(center.client);
        WorkflowCumulativeStatistics cumulative = WorkflowCumulativeStatistics.fetcher(center.workspaceSid, workflow)
                .fetch(center.client);
        WorkflowStatistics both = WorkflowStatistics.fetcher(center.workspaceSid, workflow).fetch(center.client);

        assertThat(realTime.getTotalTasks()).isEqualTo(1);
        assertThat(realTime.getWorkflowSid()).isEqualTo(workflow);
        assertThat(cumulative.getTasksEntered()).isEqualTo(1);
        assertThat(asMap(both.getCumulative())).containsEntry("tasks_entered", 1);
        assertThat(asMap(both.getRealtime())).containsEntry("total_tasks", 1);
    }

    @Test
    void workersStatisticsCountTheirReservationsAndTimeInEachActivity() {
        String alice = center.availableWorker("alice");
        center.offlineWorker("bob");
        center.advance(Duration.ofSeconds(60));
        Worker.updater(center.workspaceSid, alice).setActivitySid(center.unavailable).update(center.client);
        center.advance(Duration.ofSeconds(30));
        Task task = center.task(workflow, "{}", null);
        Worker.updater(center.workspaceSid, alice).setActivitySid(center.available).update(center.client);
        center.accept(task.getSid(), center.pending(task.getSid()).getSid());

        WorkersCumulativeStatistics workers = WorkersCumulativeStatistics.fetcher(center.workspaceSid).fetch(center.client);
        Map<String, Object> aliceOnly = asMap(WorkerStatistics.fetcher(center.workspaceSid, alice).fetch(center.client)
                .getCumulative());

        assertThat(workers.getReservationsAccepted()).isEqualTo(1);
        assertThat(activity(workers.getActivityDurations(), "Unavailable")).containsEntry("max", 30).containsEntry("total", 30);
        assertThat(activity(workers.getActivityDurations(), "Offline")).containsEntry("total", 90);
        assertThat(aliceOnly).containsEntry("reservations_accepted", 1);
        assertThat(activity((List<?>) aliceOnly.get("activity_durations"), "Available"))
                .containsEntry("total", 60).containsEntry("max", 60);
    }

    @Test
    void workersRealTimeAndCombinedStatisticsFollowTheQueueFilter() {
        String sales = com.twilio.rest.taskrouter.v1.workspace.TaskQueue.creator(center.workspaceSid, "Sales")
                .setTargetWorkers("skill == 'sales'").create(center.client).getSid();
        center.availableWorker("alice");
        Worker.creator(center.workspaceSid, "bob").setAttributes("{\"skill\":\"sales\"}").create(center.client);

        WorkersRealTimeStatistics realTime = WorkersRealTimeStatistics.fetcher(center.workspaceSid).fetch(center.client);
        WorkersStatistics salesOnly = WorkersStatistics.fetcher(center.workspaceSid).setTaskQueueSid(sales)
                .fetch(center.client);

        assertThat(realTime.getTotalWorkers()).isEqualTo(2);
        assertThat(asMap(salesOnly.getRealtime())).containsEntry("total_workers", 1);
    }

    @Test
    void badWindowParametersAre400sNamingTheParameter() {
        assertThatThrownBy(() -> WorkspaceCumulativeStatistics.fetcher(center.workspaceSid).setMinutes(0).fetch(center.client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Minutes");
                });
        var response = sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid
                + "/CumulativeStatistics?StartDate=yesterday", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("StartDate");
        var split = sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid
                + "/CumulativeStatistics?SplitByWaitTime=5,soon", null);
        assertThat(split.statusCode()).isEqualTo(400);
    }

    private Map<String, Object> json(String path) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid + path, null).body(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> activity(List<?> durations, String name) {
        return durations.stream().map(StatisticsTest::asMap).filter(d -> name.equals(d.get("friendly_name")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
