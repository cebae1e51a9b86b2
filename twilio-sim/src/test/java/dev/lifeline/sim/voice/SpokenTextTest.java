package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator keeps the text of each {@code <Say>} a call ran (its own and a gather's), for "the caller heard" checks. */
class SpokenTextTest {

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
    void everySayTheCallRanIsKeptInOrderAndShownInTheState() {
        String callSid = sim.sim().voice().inboundCall("+15551230001", "+15559990000",
                "<Response><Say>Welcome</Say><Gather><Say>For sales, press 1.</Say></Gather></Response>");

        Await.until(() -> "gathering".equals(sim.callState(callSid).get("twimlActivity")));

        assertThat(sim.sim().voice().spoken(callSid)).containsExactly("Welcome", "For sales, press 1.");
        assertThat(sim.callState(callSid).get("spoken")).isEqualTo(List.of("Welcome", "For sales, press 1."));
        assertThat(sim.sim().voice().effects(callSid)).containsEntry("say", 2);
    }
}
