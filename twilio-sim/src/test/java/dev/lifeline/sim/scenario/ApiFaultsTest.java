package dev.lifeline.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.taskrouter.v1.Workspace;
import dev.lifeline.sim.faults.ApiFault;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REST faults switched on through {@code /sim/api-faults}: the one request a test names fails the way Twilio's does
 * (its status, code and message, as the SDK reads them), changes nothing, and every other request is served.
 */
class ApiFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLD_MUSIC = "<Response><Play loop=\"0\">http://media.example.com/hold.mp3</Play></Response>";
    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aFaultOnOneCallsRedirectFailsThatRequestForGoodAndLeavesEverythingElseServed() throws Exception {
        String workspace = Workspace.creator("Lifeline").create(sim.client()).getSid();
        String customer = sim.sim().voice().inboundCall("+15551234567", null, HOLD_MUSIC);
        String other = sim.sim().voice().inboundCall("+15551234568", null, HOLD_MUSIC);

        HttpResponse<String> added = sim.simJson("POST", "/sim/api-faults", "{\"method\":\"POST\",\"path\":\"/Calls/"
                + customer + "\\\\.json$\",\"form\":{\"Twiml\":\"<Enqueue\"},\"status\":404}");

        assertThat(added.statusCode()).isEqualTo(201);
        String enqueue = "<Response><Enqueue workflowSid=\"WW1\"><Task>{}</Task></Enqueue></Response>";
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> Call.updater(customer).setTwiml(enqueue).update(sim.client()))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).getStatusCode()).isEqualTo(404))
                    .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(20404));
        }
        assertThat(sim.sim().voice().effects(customer)).doesNotContainKey("redirect");
        assertThat(Call.fetcher(customer).fetch(sim.client()).getSid()).as("reads are not refused").isEqualTo(customer);
        Call.updater(other).setTwiml(enqueue).update(sim.client());
        assertThat(Workspace.fetcher(workspace).fetch(sim.client()).getSid()).isEqualTo(workspace);
        JsonNode listed = JSON.readTree(sim.simJson("GET", "/sim/api-faults", null).body());
        assertThat(listed.get(0).get("failed").asInt()).isEqualTo(3);

        assertThat(sim.simJson("DELETE", "/sim/api-faults/" + listed.get(0).get("id").asText(), null).statusCode()).isEqualTo(204);

        Call.updater(customer).setTwiml(enqueue).update(sim.client());
        assertThat(sim.sim().voice().effects(customer)).containsEntry("redirect", 1);
    }

    @Test
    void aFaultWithACountIsSpentAfterThatManyRequests() {
        String workspace = Workspace.creator("Lifeline").create(sim.client()).getSid();
        sim.sim().apiFaults().add(ApiFault.always("GET", "/Workspaces/" + workspace + "$", 400, 20001).times(1));

        assertThatThrownBy(() -> Workspace.fetcher(workspace).fetch(sim.client()))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getStatusCode()).isEqualTo(400));
        assertThat(Workspace.fetcher(workspace).fetch(sim.client()).getSid()).isEqualTo(workspace);
        assertThat(sim.sim().apiFaults().describe()).isEmpty();
    }

    @Test
    void aBadFaultIsA400AndAFaultCannotBeA5xx() {
        assertThat(sim.simJson("POST", "/sim/api-faults", "{\"path\":\"(\",\"status\":404}").statusCode()).isEqualTo(400);
        assertThat(sim.simJson("POST", "/sim/api-faults", "{\"path\":\"/Calls\",\"status\":503}").statusCode()).isEqualTo(400);
        assertThat(sim.simJson("POST", "/sim/api-faults", "{\"status\":404}").statusCode()).isEqualTo(400);
        assertThat(sim.simJson("DELETE", "/sim/api-faults/fault-999", null).statusCode()).isEqualTo(404);
        assertThat(sim.sim().apiFaults().describe()).isEmpty();
    }
}
