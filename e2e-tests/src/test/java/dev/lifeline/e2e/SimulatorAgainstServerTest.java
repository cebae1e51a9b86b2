package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.simulator.CustomerCall;
import dev.lifeline.desktop.simulator.CustomerCallsClient;
import dev.lifeline.e2e.testsupport.Await;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Simulator window's HTTP client against the real server in sim mode: the contract of {@code /demo/calls}. */
class SimulatorAgainstServerTest {

    private static SimModeServer sim;
    private static CustomerCallsClient simulator;

    @BeforeAll
    static void start() {
        sim = SimModeServer.start("SimulatorAgainstServerTest", Map.of());
        simulator = new CustomerCallsClient(new OkHttpClient(), ServerAddress.parse(sim.server.publicBaseUrl()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aCustomerWhoCallsInIsListedWaitingInTheQueue() {
        String callSid = simulator.callIn().join();

        CustomerCall listed = listed(callSid).orElseThrow();
        assertThat(listed.from()).startsWith("+1555");
        assertThat(listed.conferenceSid()).as("no agent has taken the call yet").isNull();
        assertThat(listed.isOver()).isFalse();
    }

    @Test
    void aThirdPartyForACustomerNotInAConferenceIsRefusedWithTheServersSentence() {
        String callSid = simulator.callIn().join();

        assertThatThrownBy(() -> simulator.addThirdParty(callSid).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ServerProblem.class)
                .hasMessage("The customer " + callSid + " is not in a conference yet");
    }

    @Test
    void aCustomerWhoHangsUpIsListedAsOver() {
        String callSid = simulator.callIn().join();

        simulator.hangUp(callSid).join();

        Await.until("the call is listed as over", Duration.ofSeconds(10), () -> listed(callSid).map(CustomerCall::isOver).orElse(false));
    }

    @Test
    void hangingUpACallTheServerDoesNotKnowIsA404WithAReason() {
        assertThatThrownBy(() -> simulator.hangUp("CA00000000000000000000000000000000").join())
                .cause().isInstanceOf(ServerProblem.class)
                .satisfies(error -> assertThat(((ServerProblem) error).status()).isEqualTo(404))
                .hasMessageContaining("CA00000000000000000000000000000000");
    }

    private static Optional<CustomerCall> listed(String callSid) {
        return simulator.list().join().stream().filter(call -> call.callSid().equals(callSid)).findFirst();
    }
}
