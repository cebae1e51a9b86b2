package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.simulator.CustomerCall;
import dev.lifeline.desktop.simulator.CustomerCallsClient;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Simulator window's HTTP client against the real server in sim mode: the contract of {@code /demo/calls}. */
class SimulatorAgainstServerTest {

    private static LifelineServer server;
    private static CustomerCallsClient simulator;

    @BeforeAll
    static void start() {
        int clusterPort = freePort();
        server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "e2e-sim-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort)));
        simulator = new CustomerCallsClient(new OkHttpClient(), ServerAddress.parse(server.publicBaseUrl()));
    }

    @AfterAll
    static void stop() {
        server.close();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
