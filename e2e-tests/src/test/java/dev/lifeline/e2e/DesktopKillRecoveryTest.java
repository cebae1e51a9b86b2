package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.recovery.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole product at process level: the server in sim mode (embedded twilio-sim, real Hazelcast member, real
 * twilio-java SDK over HTTP), alice's desktop as a real child JVM whose softphone holds her voice leg, a customer
 * placed through the Simulator's endpoint, then {@code kill -9} of the desktop and a fresh desktop process.
 */
@ExtendWith(PrintLogsOnFailure.class)
class DesktopKillRecoveryTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(45);
    private static final String AGENT = "alice";
    private static final String PASSWORD = "alice-demo";

    final List<DesktopProcess> desktops = new ArrayList<>();
    private LifelineServer server;
    private EmulatorWorld world;
    private Path logs;

    @BeforeEach
    void startServer(TestInfo test) {
        int clusterPort = freePort();
        server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "e2e-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort,
                // The default 15 s ping TTL is about what a desktop's cold start takes on a loaded 2-core CI box;
                // past it the customer is requeued (a different, tested outcome). This test is about the restored path.
                "LIFELINE_RECOVERY_PING_TTL", "60s")));
        world = new EmulatorWorld(server.sim());
        logs = Path.of(System.getProperty("e2e.logs.dir", "target/e2e-logs"), test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopEverything() {
        desktops.forEach(DesktopProcess::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDesktopKilledMidCallComesBackAndItsCustomerIsBridgedToTheNewSoftphone() {
        DesktopProcess first = desktop("alice-first");
        first.awaitLog("softphone registered as", STARTUP);
        AgentApi alice = AgentApi.signIn(server.publicBaseUrl(), AGENT, PASSWORD);
        alice.setActivity(Activity.AVAILABLE);

        String customer = customerCallsIn();
        ReservationView offer = Await.value("alice is offered the customer's task", STEP,
                () -> alice.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        alice.accept(offer.reservationSid());
        EmulatorWorld.Call firstLeg = Await.value("the customer bridged to alice's first softphone", STEP,
                () -> world.agentLegBridgedWith(customer, AGENT));

        first.kill();
        Incident detected = Await.value("the server detects alice's drop", STEP, () -> incidentOf(customer)
                .filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(world.call(customer).status()).as("the customer stays on the line").isEqualTo("in-progress");

        DesktopProcess second = desktop("alice-second");
        Duration modalShown = second.awaitLog("reconnect modal shown", STARTUP);
        EmulatorWorld.Call newLeg = Await.value("the customer bridged to alice's new softphone", STEP,
                () -> world.agentLegBridgedWith(customer, AGENT).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        Duration bridgedAgain = second.sinceStart();
        Incident restored = Await.value("the incident is restored", STEP,
                () -> incidentOf(customer).filter(incident -> incident.phase() == Phase.RESTORED));

        System.out.printf("[e2e figures] desktop cold start to reconnect modal visible: %d ms%n", modalShown.toMillis());
        System.out.printf("[e2e figures] desktop start to customer bridged again: %d ms%n", bridgedAgain.toMillis());

        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(restored.attempt()).isEqualTo(1);
        assertThat(world.call(firstLeg.sid()).status()).as("the killed softphone's leg").isEqualTo("completed");
        String conference = world.call(customer).conferenceSid();
        assertThat(conference).as("the customer moved out of the conference the drop happened in")
                .isNotEqualTo(detected.conferenceSid());
        assertThat(world.conferenceName(conference)).isEqualTo(restored.newConferenceName());
        assertThat(world.parties(conference)).extracting(EmulatorWorld.Party::callSid)
                .as("exactly the customer and alice's new leg in the new conference")
                .containsExactlyInAnyOrder(customer, newLeg.sid());
        assertThat(server.engine().incidents().all()).filteredOn(incident -> !incident.isTerminal())
                .as("no recovery left open").isEmpty();
        assertThat(second.isAlive()).isTrue();
    }

    private DesktopProcess desktop(String name) {
        DesktopProcess desktop = DesktopProcess.start(name, logs, server.publicBaseUrl(), AGENT, PASSWORD);
        desktops.add(desktop);
        return desktop;
    }

    private Optional<Incident> incidentOf(String customerCallSid) {
        return server.engine().incidents().all().stream()
                .filter(incident -> customerCallSid.equals(incident.customerCallSid())).findFirst();
    }

    /** The Simulator's "Customer calls in" button: {@code POST /demo/calls} → 201 {callSid, from}. */
    private String customerCallsIn() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + "/demo/calls"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return response.body().replaceAll(".*\"callSid\":\"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
