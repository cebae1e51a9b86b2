package dev.lifeline.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /sim/clock/set}: move a manual clock to an instant (business hours), forward only. */
class ClockSetTest {

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
    void theClockMovesToTheInstantFiringEveryTimerOnTheWay() {
        String caller = sim.sim().voice().inboundCall("+15551230001", null, "<Response><Pause length=\"600\"/></Response>");

        HttpResponse<String> set = sim.simJson("POST", "/sim/clock/set", "{\"instant\":\"2026-12-07T08:59:00Z\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"now\":\"2026-12-07T08:59:00Z\"");
        assertThat(sim.clock().now()).isEqualTo(Instant.parse("2026-12-07T08:59:00Z"));
        assertThat(sim.sim().voice().callStatus(caller)).isEqualTo("completed");
    }

    @Test
    void theClockNeverGoesBackAndBadInstantsAreRefused() {
        sim.clock().advanceTo(Instant.parse("2026-12-07T09:00:00Z"));

        assertThat(sim.simJson("POST", "/sim/clock/set", "{\"instant\":\"2026-12-07T08:59:00Z\"}").body())
                .contains("only moves forward");
        assertThat(sim.simJson("POST", "/sim/clock/set", "{\"instant\":\"tomorrow 9am\"}").statusCode()).isEqualTo(400);
        assertThat(sim.simJson("POST", "/sim/clock/set", "{}").statusCode()).isEqualTo(400);
        assertThat(sim.clock().now()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(sim.simJson("POST", "/sim/clock/set", "{\"instant\":\"2026-12-07T09:00:00Z\"}").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> sim.clock().advanceTo(Instant.parse("2020-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemClockCannotBeSet() throws Exception {
        try (TwilioSim system = TwilioSim.builder().port(0).start()) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(system.baseUrl() + "/sim/clock/set"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instant\":\"2030-01-01T00:00:00Z\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(409);
        }
    }
}
