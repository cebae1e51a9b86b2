package dev.lifeline.sim.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import dev.lifeline.sim.testsupport.SimFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task made by TwiML {@code <Enqueue>} carries the call's own parameters as attributes (Twilio's TaskRouter
 * samples list {@code from}, {@code to}, {@code caller}, {@code called}, {@code direction}, {@code call_sid},
 * {@code account_sid}, {@code api_version} next to the {@code <Task>} JSON), read back through the SDK.
 */
class EnqueueTaskAttributesTest {

    private SimFixture sim;
    private ContactCenter center;
    private String workflow;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim);
        workflow = center.workflowTo(center.queue("Support"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anEnqueuedCallsTaskCarriesTheCallersAndCalledNumbersNextToTheTaskJson() throws Exception {
        String callSid = sim.sim().voice().inboundCall("+15551230001", "+15559990000",
                "<Response><Enqueue workflowSid=\"" + workflow + "\"><Task>{\"selected_product\":\"support\"}</Task>"
                        + "</Enqueue></Response>");

        Map<String, Object> attributes = attributesOfOnlyTask();

        assertThat(attributes)
                .containsEntry("call_sid", callSid)
                .containsEntry("account_sid", sim.accountSid())
                .containsEntry("from", "+15551230001")
                .containsEntry("caller", "+15551230001")
                .containsEntry("to", "+15559990000")
                .containsEntry("called", "+15559990000")
                .containsEntry("direction", "inbound")
                .containsEntry("api_version", "2010-04-01")
                .containsEntry("selected_product", "support");
    }

    @Test
    void theTaskJsonOverridesACallParameterOfTheSameName() throws Exception {
        sim.sim().voice().inboundCall("+15551230001", "+15559990000",
                "<Response><Enqueue workflowSid=\"" + workflow + "\"><Task>{\"from\":\"Jane Doe\"}</Task>"
                        + "</Enqueue></Response>");

        assertThat(attributesOfOnlyTask()).containsEntry("from", "Jane Doe").containsEntry("caller", "+15551230001");
    }

    private Map<String, Object> attributesOfOnlyTask() throws Exception {
        var tasks = ContactCenter.list(Task.reader(center.workspaceSid).read(center.client));
        assertThat(tasks).hasSize(1);
        return new ObjectMapper().readValue(tasks.get(0).getAttributes(), new TypeReference<Map<String, Object>>() { });
    }
}
