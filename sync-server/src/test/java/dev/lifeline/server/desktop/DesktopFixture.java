package dev.lifeline.server.desktop;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.auth.AuthRoutes;
import dev.lifeline.server.auth.Credentials;
import dev.lifeline.server.auth.LoginThrottle;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.SessionRevocations;
import dev.lifeline.server.auth.DeviceCredentials;
import dev.lifeline.server.auth.DeviceRoutes;
import dev.lifeline.server.auth.SocketTickets;
import dev.lifeline.server.auth.TokenService;
import dev.lifeline.server.auth.User;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.config.SipConfig;
import dev.lifeline.server.scenarios.TestSoftphone;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.TwilioEffects;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.engine.SeenEvents;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.supervisor.SupervisorFeed;
import dev.lifeline.server.supervisor.CallMonitor;
import dev.lifeline.server.supervisor.MonitorRoutes;
import dev.lifeline.server.supervisor.SupervisorRoutes;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.outbound.OutboundRoutes;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.webhooks.WebhookHandler;
import dev.lifeline.server.webhooks.WebhookRoutes;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real parts wired the way the server wires them: twilio-sim on port 0 (the SDK over HTTP, signed webhooks
 * back), an isolated Hazelcast member, the recovery engine, auth and webhook routes, and the desktop module on a
 * Javalin app. One per test class.
 */
public final class DesktopFixture implements AutoCloseable {

    public static final Duration PRESENCE_GRACE = Duration.ofSeconds(30);
    public static final String CUSTOMER = "+15551230001";
    /** The contact centre's number: what customers call, and the caller ID of agents' outbound calls. */
    public static final String CALLER_ID = "+15559990000";

    public final MutableClock clock = new MutableClock();
    public final TwilioSim sim;
    public final TwilioRestClient client;
    public final HazelcastInstance hazelcast;
    public final ProvisionedWorkspace workspace;
    public final VoiceGateway voice;
    public final TaskRouterGateway taskRouter;
    public final RecoveryEngine engine;
    public final AgentDirectory agents;
    public final DesktopHub hub;
    public final DesktopModule module;
    public final SupervisorFeed supervisor;
    /** Issue 19: the queues' service figures, fed by the same TaskRouter events as the server's. */
    public final dev.lifeline.server.waiting.QueueLedger queueLedger;
    /** The queue ledger's own clock, standing still unless a test moves it: queue waits come out exact. */
    public final dev.lifeline.server.testsupport.SettableClock queueClock =
            new dev.lifeline.server.testsupport.SettableClock(Instant.parse("2026-01-05T10:00:00Z"));
    public final UserDirectory users;
    public final TokenService tokens;
    public final SessionRevocations revocations;
    public final DeviceCredentials devices;
    public final String baseUrl;
    public final HttpClient http = HttpClient.newHttpClient();
    public final String clusterName = "desktop-" + UUID.randomUUID();
    public final int hazelcastPort;
    private final Javalin app;
    private final byte[] secret = ("desktop-test-secret-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    /** The agents' SIP accounts as the server hands them out (passwords derived from the test's secret). */
    public final SipPasswords sipPasswords = new SipPasswords(secret);
    public final SipAccounts softphones;
    private final Map<String, TestSoftphone> phones = new java.util.HashMap<>();

    private static DesktopFixture shared;

    // Issue 20: callbacks, on an in-memory H2 database of this fixture. Retries come after 1-2 s of the fixture's
    // clock (tests move it), and a recovery's callback waits 5 s for its agent.
    public static final String WEBSITE_SECRET = "desktop-fixture-website-secret-0123456789";
    private final dev.lifeline.server.callbacks.CallbackDatabase callbackDatabase = new dev.lifeline.server.callbacks
            .CallbackDatabase("jdbc:h2:mem:desktop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "").migrate();
    public final dev.lifeline.server.callbacks.CallbackBook callbacks;
    private final dev.lifeline.server.callbacks.CallbackScheduler callbackScheduler;
    private final dev.lifeline.server.callbacks.CallbackCallRoutes callbackCalls;

    /** One server for the whole test run (Hazelcast's join alone takes seconds); closed when the JVM exits. */
    public static synchronized DesktopFixture shared() {
        if (shared == null) {
            shared = new DesktopFixture();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * Ends every call still up in the sim (customers first, so conferences end rather than agents "dropping") and
     * finishes every open task, so the next test starts from a quiet floor with free agents.
     */
    public void quietFloor() {
        // Whatever rings an agent next (a customer, an outbound call, a callback's agent-first dial) finds the phones
        // registered: the shared fixture outlives their 600 s registration in a full suite run.
        renewRegistrations();
        hangUpCalls("inbound");
        // Then the customers an agent or a callback dialled (no SIP address): a customer still there when the agent's
        // leg goes would be a drop, and a recovery.
        hangUpCalls("outbound-api", call -> !String.valueOf(call.get("to")).startsWith("sip:"));
        hangUpCalls(null);
        try {
            Await.until("no open incidents", () -> engine.incidents().all().stream().allMatch(i -> i.isTerminal()),
                    Duration.ofSeconds(5));
        } catch (AssertionError stillOpen) {
            // best effort: an incident's watchdog ends it later; tests assert on their own agent's state
        }
        // No callback of an earlier test may enter the queue during the next one: closed once the calls and their
        // recoveries are over (a customer who left during a recovery is owed one), before their tasks are finished.
        callbacks.all().stream().filter(c -> !c.state().isFinal()).forEach(c -> callbacks.close(c.id(),
                dev.lifeline.server.callbacks.CallbackState.CANCELLED, "test clean-up"));
        for (com.twilio.rest.taskrouter.v1.workspace.Task task
                : com.twilio.rest.taskrouter.v1.workspace.Task.reader(workspace.workspaceSid()).read(client)) {
            String status = String.valueOf(task.getAssignmentStatus());
            try {
                if (status.equals("assigned") || status.equals("wrapping")) {
                    taskRouter.completeTask(task.getSid(), "test clean-up");
                } else if (status.equals("pending") || status.equals("reserved")) {
                    taskRouter.cancelTask(task.getSid(), "test clean-up");
                }
            } catch (RuntimeException finishedMeanwhile) {
                // the engine finished it in between
            }
        }
    }

    private void hangUpCalls(String direction) {
        hangUpCalls(direction, call -> true);
    }

    @SuppressWarnings("unchecked")
    private void hangUpCalls(String direction, java.util.function.Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) ((Map<String, Object>) sim.snapshot().get("voice")).get("calls");
        for (Map<String, Object> call : calls) {
            String status = String.valueOf(call.get("status"));
            boolean live = status.equals("queued") || status.equals("ringing") || status.equals("in-progress")
                    || status.equals("initiated");
            if (live && which.test(call) && (direction == null || String.valueOf(call.get("direction")).startsWith(direction))) {
                try {
                    sim.voice().hangUp(String.valueOf(call.get("sid")));
                } catch (RuntimeException alreadyGone) {
                    // the call ended in between
                }
            }
        }
    }

    public DesktopFixture() {
        sim = TwilioSim.builder().port(0).sipPort(0).start();
        client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        workspace = new WorkspaceProvisioner(client).provision(null, "Desktop test " + UUID.randomUUID(),
                baseUrl + WebhookRoutes.TASKROUTER_PATH, Map.of("alice", "Alice Agent", "bob", "Bob Agent"), 15, 10);
        new SipDomainProvisioner(client, sipPasswords).provision(SipConfig.DEFAULT_DOMAIN, List.of("alice", "bob", "sam"));
        hazelcastPort = freePort();
        hazelcast = HazelcastMembers.start(new ClusterSettings(clusterName, hazelcastPort,
                List.of("127.0.0.1:" + hazelcastPort), 0), this::callbackMaps);
        voice = VoiceGateway.over(client);
        taskRouter = TaskRouterGateway.over(client, workspace.workspaceSid());
        PasswordHasher hasher = new PasswordHasher(1000);
        users = UserDirectory.demo(hasher);
        agents = new AgentDirectory(users, workspace.workers());
        hub = new DesktopHub(hazelcast, agents, clock);
        LifelineMetrics metrics = new LifelineMetrics();
        TwilioEffects effects = new TwilioEffects(voice, taskRouter, baseUrl + WebhookRoutes.CONFERENCE_PATH);
        RecoveryPolicy policy = RecoveryPolicy.defaults(workspace.pingWorkflowSid(), baseUrl + "/media/announce",
                baseUrl + "/media/hold");
        engine = new RecoveryEngine(new ConferenceStore(hazelcast), new IncidentStore(hazelcast), effects,
                new EffectLeases(hazelcast, Duration.ofSeconds(30)), new SeenEvents(hazelcast), policy, clock, metrics, hub, hub);
        tokens = new TokenService(secret, Duration.ofHours(1), clock);
        revocations = new SessionRevocations(hazelcast, clock);
        SocketTickets tickets = new SocketTickets(hazelcast, clock);
        devices = new DeviceCredentials(hazelcast, revocations, DeviceCredentials.DEFAULT_MAX_AGE,
                TokenService.DEFAULT_SESSION_MAX_AGE, clock);
        SessionAuthenticator authenticator = new SessionAuthenticator(tokens, revocations, tickets);
        softphones = new SipAccounts(SipConfig.DEFAULT_DOMAIN, "127.0.0.1", sim.sip().port(), "udp", sipPasswords,
                agents::hasPhone);
        module = new DesktopModule(new DesktopModule.Dependencies(hazelcast, voice, taskRouter, engine, hub, agents, authenticator,
                workspace, baseUrl, PRESENCE_GRACE, clock, softphones,
                dev.lifeline.server.config.ServerConfig.DEFAULT_TRANSFER_QUEUE_TIMEOUT));
        queueLedger = new dev.lifeline.server.waiting.QueueLedger(workspace::voiceWorkflowSid, queueClock,
                dev.lifeline.server.config.SupervisorConfig.DEFAULT_SERVICE_LEVEL_SECONDS);
        supervisor = new SupervisorFeed(taskRouter, engine.incidents(), agents, module.states(), hub, clock, queueLedger);
        module.serveQueueSnapshots(supervisor::snapshot);
        // Budgets far above what the tests send: the throttle has its own tests (auth/SignInFloodTest and others).
        AuthRoutes auth = new AuthRoutes(users, new Credentials(users, hasher), tokens, authenticator, revocations, tickets,
                new LoginThrottle(new LoginThrottle.Limits(1000, 10_000, Duration.ofMinutes(1), 1000, 10_000, 10_000), clock),
                devices, identity -> agents.workerSid(identity).orElse(null));
        callbacks = new dev.lifeline.server.callbacks.CallbackBook(hazelcast);
        dev.lifeline.server.callbacks.CallbackRequests callbackRequests = new dev.lifeline.server.callbacks.CallbackRequests(
                callbacks, dev.lifeline.server.entry.BusinessHours.parse("Mon-Sun 00:00-24:00", java.time.ZoneOffset.UTC),
                50, clock, () -> true);
        dev.lifeline.server.callbacks.CallbackDialler.CallbackUrls callbackUrls = new dev.lifeline.server.callbacks
                .CallbackDialler.CallbackUrls(baseUrl, baseUrl + WebhookRoutes.CONFERENCE_PATH,
                        sim.authToken().getBytes(StandardCharsets.UTF_8));
        module.acceptCallbacksWith(new dev.lifeline.server.callbacks.CallbackDialler(callbacks, voice, taskRouter, engine,
                agents, callbackUrls, CALLER_ID, clock, OutboundDialler.ANSWER_WAIT));
        engine.onPhaseChange(new dev.lifeline.server.callbacks.RecoveryCallbacks(callbacks, 50, true, clock));
        callbackCalls = new dev.lifeline.server.callbacks.CallbackCallRoutes(new TwilioSignatureVerifier(sim.authToken(),
                baseUrl), callbacks, voice, taskRouter, new dev.lifeline.server.callbacks.RetryPolicy(3, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofHours(1)), "We missed you: we will call again.", callbackUrls, clock);
        callbackScheduler = new dev.lifeline.server.callbacks.CallbackScheduler(callbacks,
                new dev.lifeline.server.callbacks.CallbackTasks(taskRouter, workspace.voiceWorkflowSid()), clock, () -> true,
                Duration.ofSeconds(5)).start(Duration.ofMillis(200));
        dev.lifeline.server.callbacks.CallbackRoutes callbackRoutes = new dev.lifeline.server.callbacks.CallbackRoutes(
                authenticator, agents, callbackRequests, callbacks);
        dev.lifeline.server.callbacks.WebsiteCallbackRoutes websiteCallbacks = new dev.lifeline.server.callbacks
                .WebsiteCallbackRoutes(new dev.lifeline.server.callbacks.WebsiteSignature(WEBSITE_SECRET,
                        Duration.ofMinutes(5), clock, hazelcast.getMap(dev.lifeline.server.callbacks.CallbackMaps.WEBSITE_SIGNATURES)),
                        callbackRequests);
        WebhookRoutes webhooks = new WebhookRoutes(new TwilioSignatureVerifier(sim.authToken(), baseUrl),
                WebhookHandler.of(engine::onConferenceCallback, event -> {
                    engine.onTaskRouterEvent(event);
                    queueLedger.onTaskRouterEvent(event);
                }), metrics);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemResponses.register(config.routes);
            auth.register(config.routes);
            new DeviceRoutes(authenticator, devices, users).register(config.routes);
            webhooks.register(config.routes);
            module.register(config.routes);
            new SupervisorRoutes(authenticator, supervisor).register(config.routes);
            new MonitorRoutes(authenticator, new CallMonitor(engine, softphones)).register(config.routes);
            new OutboundRoutes(authenticator, agents, softphones, new OutboundDialler(voice, taskRouter, engine,
                    workspace.voiceWorkflowSid(), baseUrl + WebhookRoutes.CONFERENCE_PATH, CALLER_ID,
                    OutboundDialler.OFFER_WAIT, OutboundDialler.ANSWER_WAIT)).register(config.routes);
            callbackRoutes.register(config.routes);
            websiteCallbacks.register(config.routes);
            callbackCalls.register(config.routes);
        }).start(port);
        // The agents' softphones: SIP phones registered with the account the server hands out, answering at once (the
        // desktop's own softphone is not what these tests are about).
        phoneOn("alice");
        phoneOn("bob");
    }

    public String token(String identity) {
        User user = users.find(identity).orElseThrow();
        return tokens.issue(user).token();
    }

    /** Signed with the right key but already expired. */
    public String expiredToken(String identity) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC);
        return new TokenService(secret, Duration.ofMinutes(5), past).issue(users.find(identity).orElseThrow()).token();
    }

    /** A valid token whose payload was changed after signing (claims to be a supervisor). */
    public String tamperedToken(String identity) {
        String[] parts = token(identity).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"agent\"", "\"supervisor\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    public String workerSid(String identity) {
        return workspace.workers().get(identity);
    }

    public void setActivity(String identity, String activity) {
        renewRegistrations();
        taskRouter.setWorkerActivity(workerSid(identity), workspace.activitySid(activity));
    }

    public String activityOf(String identity) {
        return taskRouter.fetchWorker(workerSid(identity)).orElseThrow().activityName();
    }

    /** A customer calls the voice workflow; @return the customer's call SID. */
    public String customerCalls() {
        renewRegistrations();
        return sim.voice().inboundCall(CUSTOMER, "+15559990000", workspace.voiceWorkflowSid(),
                "{\"from\":\"" + CUSTOMER + "\"}", null, null);
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    public HttpResponse<String> post(String path, String token, Object body) {
        String json = body instanceof String text ? text : JsonCodec.shared().encode(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        return SimModeServers.send(http, request.build());
    }

    /** A one-time ticket for {@code identity}'s events socket, asked for with a fresh token. */
    public String ticket(String identity) {
        HttpResponse<String> response = TestDesktop.requestTicket(http, baseUrl, token(identity));
        if (response.statusCode() != 200) {
            throw new AssertionError("no ticket for " + identity + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JsonCodec.shared().decode(response.body(), dev.lifeline.model.auth.EventsTicket.class).ticket();
    }

    public TestDesktop desktop(String identity) {
        return TestDesktop.connect(http, baseUrl, token(identity));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> simConferences() {
        return (List<Map<String, Object>>) ((Map<String, Object>) sim.snapshot().get("voice")).get("conferences");
    }

    /** The shared fixture outlives a registration: each phone renews its own before anything can ring it. */
    private synchronized void renewRegistrations() {
        phones.values().forEach(TestSoftphone::renewIfHalfExpired);
    }

    /** {@code identity}'s softphone registers and answers every call from now on. */
    public synchronized void phoneOn(String identity) {
        phones.computeIfAbsent(identity, who -> TestSoftphone.register(sim.sip().port(), who,
                softphones.forIdentity(who).orElseThrow().password()));
    }

    /** {@code identity}'s softphone signs out (Expires: 0): nobody answers calls to the agent until {@link #phoneOn}. */
    public synchronized void phoneOff(String identity) {
        TestSoftphone phone = phones.remove(identity);
        if (phone != null) {
            phone.signOut();
        }
    }

    private void callbackMaps(com.hazelcast.config.Config config) {
        dev.lifeline.server.callbacks.CallbackMaps.configure(config, 0,
                new dev.lifeline.server.callbacks.CallbackMapStore(callbackDatabase, clock), 300);
    }

    @Override
    public void close() {
        callbackScheduler.close();
        callbackCalls.close();
        phones.values().forEach(TestSoftphone::close);
        supervisor.close();
        module.close();
        app.stop();
        hub.close();
        hazelcast.shutdown();
        callbackDatabase.close();
        sim.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another Hazelcast member in this fixture's cluster, standing for a second server; the caller shuts it down. */
    public HazelcastInstance joinAnotherMember() {
        int port = freePort();
        HazelcastInstance other = HazelcastMembers.start(new ClusterSettings(clusterName, port,
                List.of("127.0.0.1:" + hazelcastPort, "127.0.0.1:" + port), 0), this::callbackMaps);
        Await.until("the second member joined", () -> hazelcast.getCluster().getMembers().size() == 2);
        return other;
    }

    /** Bob's accepted call with a customer, as the authorisation matrices need it. */
    public record LiveCall(String reservationSid, String taskSid, String conferenceSid, String customerCallSid) {
    }

    /** A quiet floor, then a customer calls and bob (the only Available agent) accepts over REST. */
    public LiveCall bobOnACall() {
        quietFloor();
        setActivity("alice", "Offline");
        setActivity("bob", "Available");
        try (TestDesktop bob = desktop("bob")) {
            bob.await(dev.lifeline.model.event.StateSnapshot.class);
            String customerCall = customerCalls();
            var offer = bob.await(dev.lifeline.model.event.ReservationOffered.class, o -> !o.reservation().isRecoveryPing());
            String reservation = offer.reservation().reservationSid();
            int accepted = post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservation), token("bob"),
                    new dev.lifeline.model.command.AcceptReservation(reservation)).statusCode();
            if (accepted != 204) {
                throw new AssertionError("bob could not accept his call: HTTP " + accepted);
            }
            String conference = bob.await(dev.lifeline.model.event.ConferenceChanged.class,
                    c -> c.conference().participants().size() == 2
                            && !c.conference().withRole(dev.lifeline.model.conference.ParticipantRole.WORKER).isEmpty())
                    .conference().conferenceSid();
            return new LiveCall(reservation, offer.reservation().taskSid(), conference, customerCall);
        }
    }

    /** Ends bob's call and takes him off the floor. */
    public void endBobsCall() {
        quietFloor();
        setActivity("bob", "Offline");
    }
}
