package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.taskrouter.expression.Expression;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.http.HttpResponse;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad requests get Twilio's JSON error with a 4xx that names the problem, and change nothing. */
class BadInputTest {

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
    void unknownSidsAreTwilios404WithCode20404() throws Exception {
        assertApiError(() -> Task.fetcher(center.workspaceSid, "WT" + "0".repeat(32)).fetch(center.client), 404, 20404);
        assertApiError(() -> Task.fetcher("WS" + "0".repeat(32), "WT" + "0".repeat(32)).fetch(center.client), 404, 20404);

        HttpResponse<String> raw = sim.authed("GET", "/v1/Workspaces/" + center.workspaceSid + "/Workers/WKnope", null);
        JsonNode body = new ObjectMapper().readTree(raw.body());
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(body.get("code").asInt()).isEqualTo(20404);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/20404");
    }

    @Test
    void attributesThatAreNotAJsonObjectAre400AndCreateNoTask() {
        String workflow = center.workflowTo(center.queue("Support"));

        ApiException error = assertApiError(() -> Task.creator(center.workspaceSid).setWorkflowSid(workflow)
                .setAttributes("{not json").create(center.client), 400, 20001);

        assertThat(error.getMessage()).contains("Attributes");
        assertThat(list(Task.reader(center.workspaceSid).read(center.client))).isEmpty();
    }

    @Test
    void aWorkflowConfigurationWithBadJsonOrAnUnknownQueueIs400NamingTheProblem() {
        assertApiError(() -> Workflow.creator(center.workspaceSid, "broken", "{\"task_routing\":").create(center.client),
                400, 20001);
        String unknownQueue = "WQ" + "9".repeat(32);
        ApiException error = assertApiError(() -> Workflow.creator(center.workspaceSid, "broken",
                "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + unknownQueue + "\"}}}")
                .create(center.client), 400, 20001);

        assertThat(error.getMessage()).contains(unknownQueue);
        assertThat(list(Workflow.reader(center.workspaceSid).read(center.client))).isEmpty();
    }

    @Test
    void anInvalidTargetWorkersExpressionIs400NamingTheExpressionProblem() {
        assumeTrue(expressionLanguageAvailable(), "the expression language has not landed yet");

        ApiException error = assertApiError(() -> TaskQueue.creator(center.workspaceSid, "Broken")
                .setTargetWorkers("skills HAS (\"en\"").create(center.client), 400, 20001);

        assertThat(error.getMessage()).startsWith("Invalid target_workers expression:");
        assertThat(list(TaskQueue.reader(center.workspaceSid).read(center.client))).isEmpty();
    }

    @Test
    void illegalStatusTransitionsAre400WithCode20001AndChangeNothing() {
        String workflow = center.workflowTo(center.queue("Support"));
        center.availableWorker("alice");
        Task task = center.task(workflow, "{}", null);
        Reservation reservation = center.pending(task.getSid());

        assertApiError(() -> Task.updater(center.workspaceSid, task.getSid())
                .setAssignmentStatus(Task.Status.COMPLETED).update(center.client), 400, 20001);
        assertApiError(() -> Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.WRAPPING).update(center.client), 400, 20001);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.RESERVED);

        center.accept(task.getSid(), reservation.getSid());
        assertApiError(() -> center.accept(task.getSid(), reservation.getSid()), 400, 20001);
        assertApiError(() -> Task.updater(center.workspaceSid, task.getSid())
                .setAssignmentStatus(Task.Status.CANCELED).update(center.client), 400, 20001);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.ASSIGNED);
    }

    @Test
    void malformedNumbersAndUnknownEnumValuesAre400NotServerErrors() {
        String workflow = center.workflowTo(center.queue("Support"));
        String tasks = "/v1/Workspaces/" + center.workspaceSid + "/Tasks";

        HttpResponse<String> badPriority = sim.authed("POST", tasks, "WorkflowSid=" + workflow + "&Priority=high");
        HttpResponse<String> badTimeout = sim.authed("POST", tasks, "WorkflowSid=" + workflow + "&Timeout=0");
        HttpResponse<String> badChannel = sim.authed("POST", tasks, "WorkflowSid=" + workflow + "&TaskChannel=fax");
        String taskSid = center.task(workflow, "{}", null).getSid();
        HttpResponse<String> badStatus = sim.authed("POST", tasks + "/" + taskSid, "AssignmentStatus=pending");
        HttpResponse<String> missingName = sim.authed("POST", "/v1/Workspaces/" + center.workspaceSid + "/Workers", "");

        assertThat(badPriority.statusCode()).isEqualTo(400);
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(badChannel.statusCode()).isEqualTo(404);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(missingName.statusCode()).isEqualTo(400);
        assertThat(list(Task.reader(center.workspaceSid).read(center.client))).hasSize(1);
    }

    private static boolean expressionLanguageAvailable() {
        try {
            Expression.parse("1 == 2");
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static ApiException assertApiError(ThrowingCallable call, int status, int code) {
        ApiException[] caught = new ApiException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getCode()).isEqualTo(code);
            caught[0] = e;
        });
        return caught[0];
    }
}
