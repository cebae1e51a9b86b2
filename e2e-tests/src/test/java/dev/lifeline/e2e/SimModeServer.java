package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.media.Recording;
import dev.lifeline.sim.media.ToneGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server in sim mode in this JVM (embedded twilio-sim, a real Hazelcast member on an isolated cluster name and
 * port, the real twilio-java SDK over HTTP), the desktop processes started against it, and the Simulator's
 * "Customer calls in". Closing it kills every desktop and stops the server.
 */
final class SimModeServer implements AutoCloseable {

    final LifelineServer server;
    final EmulatorWorld world;
    final List<DesktopProcess> desktops = new CopyOnWriteArrayList<>();
    private final List<SupervisorPhone> phones = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger rtpBlocks = new java.util.concurrent.atomic.AtomicInteger();
    private final Path logs;

    private SimModeServer(LifelineServer server, Path logs) {
        this.server = server;
        this.world = new EmulatorWorld(server.sim(), server.workspace().workspaceSid());
        this.logs = logs;
    }

    /** @param settings environment settings on top of an isolated cluster and any free HTTP port */
    static SimModeServer start(String testName, Map<String, String> settings) {
        int clusterPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "e2e-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort));
        environment.putAll(settings);
        Path logs = Path.of(System.getProperty("e2e.logs.dir", "target/e2e-logs"), testName);
        return new SimModeServer(LifelineServer.start(ServerConfig.load(environment)), logs);
    }

    /** What every agent's desktop sends into its calls (the customer's simulated phone sends {@link #CUSTOMER_TONE_HZ}). */
    static final double AGENT_TONE_HZ = 440;
    static final double CUSTOMER_TONE_HZ = 1000;
    /** The desktops' RTP ports: 20 each from here ({@code -De2e.rtp.first=N} moves them off another run's). */
    private static final int FIRST_RTP_PORT = Integer.getInteger("e2e.rtp.first", 22500);

    /**
     * A desktop process signed in as {@code user}; its output goes to {@code <logs>/<name>.{out,err}.log} and what its
     * agent hears to {@code <name>.heard.wav}.
     */
    DesktopProcess desktop(String name, String user, String password) {
        return desktop(name, user, password, false);
    }

    /** A desktop process; {@code guarded} runs it under its guardian, as the product does by default. */
    DesktopProcess desktop(String name, String user, String password, boolean guarded) {
        return desktop(name, name, user, password, guarded, List.of());
    }

    /** A desktop process with these JVM options (a guardian hands them to the desktop it starts). */
    DesktopProcess desktop(String name, String user, String password, boolean guarded, List<String> jvmOptions) {
        return desktop(name, name, user, password, guarded, jvmOptions);
    }

    /**
     * A desktop process on the computer {@code configName} (desktops of one computer share its config folder, so its
     * saved sign-in); {@code password} null starts it without one.
     */
    DesktopProcess desktop(String name, String configName, String user, String password, boolean guarded) {
        return desktop(name, configName, user, password, guarded, List.of());
    }

    /**
     * {@code user}'s desktop as the product runs it on their computer {@code configName}: under its guardian, with no
     * password near it. An earlier run there, given the password, saved the sign-in; this one signs in with it by itself
     * and registers its phone before it is returned.
     */
    DesktopProcess guardedDesktopWithSavedSignIn(String user, String password, String configName, Duration startup) {
        DesktopProcess earlierRun = desktop(user + "-with-password", configName, user, password, false);
        earlierRun.awaitLog("sign-in of " + user + " saved in the file", startup);
        earlierRun.stop();
        DesktopProcess guarded = desktop(user + "-guarded", configName, user, null, true);
        guarded.awaitLog("signing in again by itself as " + user, startup);
        guarded.awaitLog("registered sip:" + user + "@", startup);
        return guarded;
    }

    /** A desktop process on the computer {@code configName}, with these JVM options. */
    DesktopProcess desktop(String name, String configName, String user, String password, boolean guarded,
                           List<String> jvmOptions) {
        DesktopProcess desktop = DesktopProcess.start(name, configName, logs, server.publicBaseUrl(), user, password,
                nextRtpPorts(), AGENT_TONE_HZ, guarded, jvmOptions);
        desktops.add(desktop);
        return desktop;
    }

    /**
     * A demo agent's desktop ({@code <identity>-demo} is the demo password) ready for a call: its phone registered and
     * its event stream up (the desk's heartbeat is what keeps the agent on the floor: before it, the presence sweeper may
     * set them Offline).
     */
    DesktopProcess deskUp(String name, String identity, Duration startup) {
        DesktopProcess desktop = desktop(name, identity, identity + "-demo");
        desktop.awaitLog("registered sip:" + identity + "@", startup);
        desktop.awaitLog("event stream connected", startup);
        return desktop;
    }

    /**
     * The conference of the call the agent's desk shows. The call card shows (and so can transfer, add, remove) once the
     * server has registered the agent's leg, not when the audio is up.
     */
    String conferenceOnDesk(String identity, AgentApi agent, Duration step) {
        return Await.value(identity + "'s desk shows the call", step,
                () -> Optional.ofNullable(agent.state().conference()).map(conference -> conference.conferenceSid()));
    }

    /**
     * A supervisor's phone ({@link SupervisorPhone}) signed in as {@code supervisor}, sending {@code toneHz}, recording
     * to {@code <name>.heard.wav}, registered before it is returned.
     */
    SupervisorPhone supervisorPhone(AgentApi supervisor, String identity, double toneHz, Duration startup) {
        SupervisorPhone phone = SupervisorPhone.register(identity, supervisor.softphone(), nextRtpPorts(), toneHz,
                logs.resolve(identity + "-phone.heard.wav"));
        phones.add(phone);
        Await.until(identity + "'s phone registered", startup, phone::isRegistered);
        return phone;
    }

    /** The next 20 RTP ports of this test's phones. */
    private String nextRtpPorts() {
        int first = FIRST_RTP_PORT + 20 * rtpBlocks.getAndIncrement();
        return first + "-" + (first + 19);
    }

    AgentApi signIn(String user, String password) {
        return AgentApi.signIn(server.publicBaseUrl(), user, password);
    }

    String workerSid(String identity) {
        return server.workspace().workers().get(identity);
    }

    Optional<Incident> incidentOf(String customerCallSid) {
        return server.engine().incidents().all().stream()
                .filter(incident -> customerCallSid.equals(incident.customerCallSid())).findFirst();
    }

    /**
     * Proves audio crosses the customer's bridge both ways: the customer's simulated phone sends a 1 kHz tone, which
     * must reach the agent's speaker (the desktop's recording), and the agent's 440 Hz "microphone" must reach the
     * customer; each detected with Goertzel in at least half of the last second's 39 blocks.
     */
    void audioCrossesBothWays(String customerCallSid, DesktopProcess agent, Duration step) {
        MediaPlane media = server.sim().media();
        media.farEndSends(customerCallSid, new ToneGenerator(CUSTOMER_TONE_HZ, 0.3));
        Await.until("the agent hears the customer's " + CUSTOMER_TONE_HZ + " Hz", step,
                () -> Goertzel.detect(agent.heard(1.0), CUSTOMER_TONE_HZ, 8000).hits() >= 20);
        Await.until("the customer hears the agent's " + AGENT_TONE_HZ + " Hz", step, () -> {
            Recording heard = media.farEndHeard(customerCallSid);
            return heard != null && Goertzel.detect(heard.last(1.0), AGENT_TONE_HZ, 8000).hits() >= 20;
        });
    }

    /** A customer's call, the agent's softphone leg it is bridged to and the agent's task it came with. */
    record Bridged(String customerCallSid, EmulatorWorld.Call agentLeg, String taskSid) {
    }

    /**
     * The agent (desktop up, softphone registered) goes Available, a customer calls in, the agent accepts the offer
     * as the desk's Accept button would, and the customer is bridged to the agent's softphone.
     */
    Bridged customerBridgedTo(String identity, AgentApi agent, Duration step) {
        agent.setActivity(Activity.AVAILABLE);
        String customer = customerCallsIn();
        ReservationView offer = Await.value(identity + " is offered the customer's task", step,
                () -> agent.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        agent.accept(offer.reservationSid());
        EmulatorWorld.Call leg = Await.value("the customer bridged to " + identity + "'s softphone", step,
                () -> world.agentLegBridgedWith(customer, identity));
        return new Bridged(customer, leg, offer.taskSid());
    }

    /**
     * {@code kill -9} of the agent's desktop while {@code oldLeg} bridges them to the customer; the recovery is the
     * agent's, of {@code taskSid} (the agent's own task), and a fresh desktop process of theirs, {@code newName}, shows
     * the Reconnecting modal and gets the customer back on a new leg: that desktop, once the incident is RESTORED.
     */
    DesktopProcess killedAndBack(DesktopProcess desk, String identity, String customerCallSid, EmulatorWorld.Call oldLeg,
                                 String taskSid, String newName, Duration startup, Duration step) {
        desk.kill();
        Incident detected = Await.value("the server detects " + identity + "'s drop", step,
                () -> incidentOf(customerCallSid).filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(detected.droppedWorker().workerSid()).isEqualTo(workerSid(identity));
        assertThat(detected.droppedWorker().taskSid()).as(identity + "'s own task").isEqualTo(taskSid);

        DesktopProcess again = desktop(newName, identity, identity + "-demo");
        again.awaitLog("reconnect modal shown", startup);
        Await.value("the customer bridged to " + identity + "'s new softphone", step,
                () -> world.agentLegBridgedWith(customerCallSid, identity).filter(leg -> !leg.sid().equals(oldLeg.sid())));
        Incident restored = Await.value("the incident is restored", step,
                () -> incidentOf(customerCallSid).filter(incident -> incident.phase() == Phase.RESTORED));
        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        return again;
    }

    /** An agent's desk with a customer on it: the desktop, the agent's API, the call, its conference as the desk shows it. */
    record DeskCall(DesktopProcess desk, AgentApi agent, Bridged call, String conference) {

        String customer() {
            return call.customerCallSid();
        }
    }

    /** A demo agent's desktop up ({@link #deskUp}) and a customer bridged to it ({@link #customerBridgedTo}). */
    DeskCall customerOnDesk(String name, String identity, Duration startup, Duration step) {
        DesktopProcess desk = deskUp(name, identity, startup);
        AgentApi agent = signIn(identity, identity + "-demo");
        Bridged call = customerBridgedTo(identity, agent, step);
        String conference = conferenceOnDesk(identity, agent, step);
        assertThat(conference).isEqualTo(world.call(call.customerCallSid()).conferenceSid());
        return new DeskCall(desk, agent, call, conference);
    }

    /** The Simulator's "Customer calls in" button: {@code POST /demo/calls} → 201 {callSid, from}. */
    String customerCallsIn() {
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

    /** Every desktop's stdout and stderr, for a failed test's report. */
    String describeDesktops() {
        StringBuilder all = new StringBuilder();
        desktops.forEach(desktop -> all.append(desktop.describe()));
        return all.toString();
    }

    @Override
    public void close() {
        desktops.forEach(DesktopProcess::close);
        phones.forEach(SupervisorPhone::close);
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
