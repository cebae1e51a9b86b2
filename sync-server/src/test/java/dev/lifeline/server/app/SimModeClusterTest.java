package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.desktop.Await;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.sim.TwilioSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: sim-mode servers started as one cluster used to embed an emulator each, so a member ran a recovery
 * against an emulator that had never heard of the call and the customer was stranded. Members now share one emulator
 * ({@code twilio.base-url}), and members that each embed their own refuse to form one cluster. Real servers in one
 * JVM, real Hazelcast members over TCP, the emulator over HTTP.
 */
class SimModeClusterTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String clusterName = "sim-cluster-" + UUID.randomUUID();
    private final int firstPort = FreePort.resolve(0);
    private final int secondPort = FreePort.resolve(0);

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void membersEachEmbeddingTheirOwnEmulatorRefuseToFormOneCluster() {
        start(firstPort, null);

        assertThatThrownBy(() -> start(secondPort, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twilio.base-url")
                .hasMessageContaining("share one emulator")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("\n"));
    }

    @Test
    void membersSharingOneEmulatorRecoverACallAfterTheMemberThatTookItStops() {
        TwilioSim emulator = TwilioSim.builder().port(0).start();
        started.add(emulator);
        emulator.voice().registerAutoAnswer("sip:alice@lifeline.sip.twilio.com", Duration.ZERO);
        LifelineServer first = start(firstPort, emulator.baseUrl());
        LifelineServer second = start(secondPort, emulator.baseUrl());
        assertThat(second.workspace().workspaceSid()).as("one workspace for the cluster")
                .isEqualTo(first.workspace().workspaceSid());

        String token = signIn(first, "alice");
        String customer;
        try (TestDesktop alice = TestDesktop.connect(http, first.publicBaseUrl(), token)) {
            alice.await(StateSnapshot.class);
            customer = customerCallsIn(first);
            String reservation = alice.await(ReservationOffered.class, o -> !o.reservation().isRecoveryPing())
                    .reservation().reservationSid();
            assertThat(post(first, DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservation), token,
                    JsonCodec.shared().encode(new AcceptReservation(reservation))).statusCode()).isEqualTo(204);
            String agentLeg = Await.value("alice's leg bridged to the customer", () -> agentLegOf(emulator).orElse(null));
            emulator.voice().hangUp(agentLeg);
            Await.until("the drop is detected and alice pinged", () -> incidentOf(second, customer)
                    .filter(incident -> incident.phase() == Phase.PINGING).isPresent(), RECOVERY);
        }

        first.close();

        Await.until("the surviving member requeues the customer", () -> incidentOf(second, customer)
                .filter(incident -> incident.phase() == Phase.REQUEUED).isPresent(), RECOVERY);
        Await.until("the customer waits in the queue on the shared emulator", () -> "queued".equals(callOf(emulator, customer)
                .get("activity")), RECOVERY);
        assertThat(callOf(emulator, customer).get("status")).isEqualTo("in-progress");
        assertThat(tasksOf(emulator, customer)).as("the requeue task of the customer's call")
                .anySatisfy(task -> assertThat(task.get("status")).isIn("pending", "reserved"));
    }

    private LifelineServer start(int clusterPort, String emulatorUrl) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", clusterName,
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort,
                "LIFELINE_CLUSTER_MIN_SIZE", "1",
                "LIFELINE_RECOVERY_PING_TTL", "10s"));
        if (emulatorUrl != null) {
            environment.put("TWILIO_BASE_URL", emulatorUrl);
        }
        LifelineServer server = LifelineServer.start(ServerConfig.load(environment));
        started.add(server);
        return server;
    }

    private String customerCallsIn(LifelineServer server) {
        HttpResponse<String> call = post(server, "/demo/calls", null, "");
        assertThat(call.statusCode()).isEqualTo(201);
        return call.body().replaceAll(".*\"callSid\":\"([^\"]+)\".*", "$1");
    }

    private static Optional<Incident> incidentOf(LifelineServer server, String customer) {
        return server.engine().incidents().all().stream().filter(i -> customer.equals(i.customerCallSid())).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(TwilioSim emulator) {
        return (List<Map<String, Object>>) ((Map<String, Object>) emulator.snapshot().get("voice")).get("calls");
    }

    private static Optional<String> agentLegOf(TwilioSim emulator) {
        return calls(emulator).stream()
                .filter(call -> "sip:alice@lifeline.sip.twilio.com".equals(call.get("to")) && "in-progress".equals(call.get("status"))
                        && call.get("conferenceSid") != null)
                .map(call -> (String) call.get("sid")).findFirst();
    }

    private static Map<String, Object> callOf(TwilioSim emulator, String callSid) {
        return calls(emulator).stream().filter(call -> callSid.equals(call.get("sid"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasksOf(TwilioSim emulator, String callSid) {
        Map<String, Object> taskRouter = (Map<String, Object>) emulator.snapshot().get("taskRouter");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Map<String, Object> workspace : (List<Map<String, Object>>) taskRouter.get("workspaces")) {
            for (Map<String, Object> task : (List<Map<String, Object>>) workspace.get("tasks")) {
                if (callSid.equals(((Map<String, Object>) task.get("attributes")).get("call_sid"))) {
                    tasks.add(task);
                }
            }
        }
        return tasks;
    }

    private String signIn(LifelineServer server, String identity) {
        HttpResponse<String> login = post(server, "/api/login", null,
                "{\"username\":\"" + identity + "\",\"password\":\"" + identity + "-demo\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> post(LifelineServer server, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
