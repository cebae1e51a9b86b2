package dev.lifeline.e2e;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.server.auth.HashPasswordCommand;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

/**
 * Lifeline in twilio mode as it is deployed, every part its own OS process on loopback: a stand-alone twilio-sim
 * playing Twilio (an account with a random SID and auth token, a Flex-like workspace and workers made by hand),
 * {@code lifeline-server provision} run against it, three servers ({@code lifeline-server run}) forming one Hazelcast
 * cluster, and in front of them a round-robin balancer at the one {@code public-base-url} Twilio's webhooks go to.
 * Desktops sign in at a member's own URL (the balancer deals webhooks request by request; a desktop's WebSocket would
 * need a connection-level one). Closing it kills every process it started.
 */
final class TwilioModeCluster implements AutoCloseable {

    /** One Lifeline server: its process, its own URL (desktops) and its Hazelcast member port. */
    record Member(JavaProcess process, String url, int clusterPort) {
    }

    private static final String MAIN = "dev.lifeline.server.app.Main";
    static final int SERVERS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    final StandAloneEmulator emulator;
    final EmulatorWorld world;
    final List<Member> members;
    final RoundRobinWebhooks webhooks;
    final ClusterObserver observer;
    final String voiceWorkflowSid;
    private final Path logs;
    private final List<DesktopProcess> desktops = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> started;

    private TwilioModeCluster(StandAloneEmulator emulator, String workspaceSid, List<Member> members,
                              RoundRobinWebhooks webhooks, ClusterObserver observer, String voiceWorkflowSid, Path logs,
                              List<AutoCloseable> started) {
        this.emulator = emulator;
        this.world = new EmulatorWorld(emulator::state, workspaceSid);
        this.members = members;
        this.webhooks = webhooks;
        this.observer = observer;
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.logs = logs;
        this.started = started;
    }

    /**
     * @param agents   identity → password of the agents in the users file (each has a worker made by hand)
     * @param settings server settings (environment keys) on top of twilio mode
     * @param timeout  for each process to be ready (JVM starts and a Hazelcast join on a loaded 2-core machine)
     */
    static TwilioModeCluster start(String testName, Map<String, String> agents, Map<String, String> settings,
                                   Duration mediaTimeout, Duration timeout) {
        Path logs = Path.of(System.getProperty("e2e.logs.dir", "target/e2e-logs"), testName);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String accountSid = "AC" + HexFormat.of().formatHex(randomBytes(16));
            String authToken = HexFormat.of().formatHex(randomBytes(16));
            StandAloneEmulator emulator = StandAloneEmulator.start(logs, accountSid, authToken, mediaTimeout, timeout);
            started.add(emulator);
            String workspaceSid = flexAccount(emulator.client(), agents.keySet());

            // Probed together so that no two are the same: HTTP, Hazelcast and management ports, the observer's last.
            List<Integer> ports = freePorts(3 * SERVERS + 1);
            List<Integer> httpPorts = ports.subList(0, SERVERS);
            List<Integer> clusterPorts = ports.subList(SERVERS, 2 * SERVERS);
            List<Integer> managementPorts = ports.subList(2 * SERVERS, 3 * SERVERS);
            List<String> memberList = clusterPorts.stream().map(port -> "127.0.0.1:" + port).toList();
            RoundRobinWebhooks webhooks = RoundRobinWebhooks.start(httpPorts.stream()
                    .map(port -> "http://localhost:" + port).toList());
            started.add(webhooks);

            Map<String, String> environment = new HashMap<>(settings);
            environment.putAll(Map.of("TWILIO_ACCOUNT_SID", accountSid, "TWILIO_AUTH_TOKEN", authToken,
                    "TWILIO_WORKSPACE_SID", workspaceSid, "TWILIO_BASE_URL", emulator.baseUrl(),
                    "LIFELINE_PUBLIC_BASE_URL", webhooks.url(),
                    "LIFELINE_AUTH_TOKEN_SECRET", Base64.getEncoder().encodeToString(randomBytes(48)),
                    "LIFELINE_AUTH_USERS_FILE", usersFile(logs, agents).toString(),
                    "LIFELINE_SIP_PROXY_HOST", "127.0.0.1", "LIFELINE_SIP_PROXY_PORT", String.valueOf(emulator.sipPort())));
            String clusterName = "e2e-twilio-" + UUID.randomUUID();
            environment.putAll(Map.of("LIFELINE_CLUSTER_NAME", clusterName,
                    "LIFELINE_CLUSTER_MEMBERS", String.join(",", memberList)));

            JavaProcess provision = JavaProcess.start("provision", logs, MAIN, List.of("provision"), environment);
            started.add(provision);
            int exit = provision.awaitExit(timeout);
            if (exit != 0) {
                throw new AssertionError("provision exited with " + exit + ":\n" + provision.output());
            }

            List<Member> members = new CopyOnWriteArrayList<>();
            for (int i = 0; i < SERVERS; i++) {
                Map<String, String> own = new HashMap<>(environment);
                own.put("LIFELINE_HTTP_PORT", String.valueOf(httpPorts.get(i)));
                own.put("LIFELINE_MANAGEMENT_PORT", String.valueOf(managementPorts.get(i)));
                own.put("LIFELINE_CLUSTER_PORT", String.valueOf(clusterPorts.get(i)));
                // H2's file database is one process's: each member keeps its own here (no callbacks are scheduled in
                // these tests; a real cluster shares PostgreSQL, callbacks.database.url).
                own.put("LIFELINE_CALLBACKS_DATABASE_PATH", logs.toAbsolutePath().resolve("callbacks-" + (i + 1)).toString());
                JavaProcess server = JavaProcess.start("server-" + (i + 1), logs, MAIN, List.of("run"), own);
                started.add(server);
                members.add(new Member(server, "http://localhost:" + httpPorts.get(i), clusterPorts.get(i)));
            }
            // Started together, as an operator's servers come up: provisioning is serialised by the cluster.
            members.forEach(member -> member.process().awaitLine("lifeline-server \\S+ listening on ", timeout));
            ClusterObserver observer = ClusterObserver.join(clusterName, ports.get(3 * SERVERS), memberList);
            started.add(observer);
            Await.until("the " + SERVERS + " servers in one cluster", timeout, () -> observer.servers() == SERVERS);
            return new TwilioModeCluster(emulator, workspaceSid, members, webhooks, observer,
                    voiceWorkflow(emulator.client(), workspaceSid), logs, started);
        } catch (RuntimeException | AssertionError e) {
            String output = describe(started);
            close(started);
            throw new AssertionError("the twilio-mode cluster did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    /**
     * What a Flex account has before Lifeline: a multitasking workspace and a worker per agent, reached at a Flex
     * {@code client:} address that {@code provision} must replace with the agent's SIP address.
     */
    private static String flexAccount(TwilioRestClient client, Iterable<String> agents) {
        String workspace = Workspace.creator("Flex Task Assignment").setMultiTaskEnabled(true).create(client).getSid();
        for (String identity : agents) {
            Worker.creator(workspace, identity).setAttributes("{\"contact_uri\":\"client:" + identity
                    + "\",\"full_name\":\"" + identity + "\",\"routing\":{\"skills\":[]}}").create(client);
        }
        return workspace;
    }

    private static String voiceWorkflow(TwilioRestClient client, String workspace) {
        return StreamSupport.stream(Workflow.reader(workspace).read(client).spliterator(), false)
                .filter(workflow -> WorkspaceProvisioner.VOICE_WORKFLOW.equals(workflow.getFriendlyName()))
                .map(Workflow::getSid).findFirst()
                .orElseThrow(() -> new AssertionError("provision made no '" + WorkspaceProvisioner.VOICE_WORKFLOW
                        + "' workflow"));
    }

    /** The users file, written as an operator writes it: one {@code hash-password} line per agent. */
    private static Path usersFile(Path logs, Map<String, String> agents) {
        StringBuilder lines = new StringBuilder();
        agents.forEach((identity, password) -> lines.append(HashPasswordCommand.run(List.of(identity, "agent", identity),
                HashPasswordCommand.firstLineOf(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8))),
                new PasswordHasher())).append('\n'));
        try {
            Files.createDirectories(logs);
            return Files.writeString(logs.resolve("users"), lines.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A desktop process signed in at {@code member}'s own URL, RTP ports 20 each from 26500 (this helper's range). */
    DesktopProcess desktop(String name, Member member, String user, String password) {
        int first = 26_500 + 20 * desktops.size();
        DesktopProcess desktop = DesktopProcess.start(name, logs, member.url(), user, password,
                first + "-" + (first + 19), SimModeServer.AGENT_TONE_HZ, false);
        desktops.add(desktop);
        return desktop;
    }

    /** The server whose Hazelcast member listens on {@code clusterPort}. */
    Member memberOnClusterPort(int clusterPort) {
        return members.stream().filter(member -> member.clusterPort() == clusterPort).findFirst()
                .orElseThrow(() -> new AssertionError("no server on member port " + clusterPort));
    }

    List<Member> liveMembers() {
        return members.stream().filter(member -> member.process().isAlive()).toList();
    }

    /** Every process's stdout and stderr, for a failed test's report. */
    String describe() {
        StringBuilder all = new StringBuilder(describe(started));
        desktops.forEach(desktop -> all.append(desktop.describe()));
        return all.toString();
    }

    private static String describe(List<AutoCloseable> started) {
        StringBuilder all = new StringBuilder();
        for (AutoCloseable part : started) {
            if (part instanceof JavaProcess process) {
                all.append(process.describe());
            } else if (part instanceof StandAloneEmulator emulator) {
                all.append(emulator.describe());
            }
        }
        return all.toString();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Ports free right now on loopback, all different. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close(new ArrayList<>(sockets));
        }
    }

    private static void close(List<? extends AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // the rest must still be stopped
            }
        }
    }

    @Override
    public void close() {
        desktops.forEach(DesktopProcess::close);
        close(started);
    }
}
