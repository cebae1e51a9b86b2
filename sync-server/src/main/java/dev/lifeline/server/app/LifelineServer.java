package dev.lifeline.server.app;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.auth.AuthRoutes;
import dev.lifeline.server.auth.DeviceCredentials;
import dev.lifeline.server.auth.DeviceRoutes;
import dev.lifeline.server.auth.Credentials;
import dev.lifeline.server.auth.LoginThrottle;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.SessionRevocations;
import dev.lifeline.server.auth.SocketTickets;
import dev.lifeline.server.auth.TokenService;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.callbacks.CallbackBook;
import dev.lifeline.server.callbacks.CallbackCallRoutes;
import dev.lifeline.server.callbacks.CallbackDialler;
import dev.lifeline.server.callbacks.RecoveryCallbacks;
import dev.lifeline.server.callbacks.RetryPolicy;
import dev.lifeline.server.callbacks.CallbackDatabase;
import dev.lifeline.server.callbacks.CallbackMapStore;
import dev.lifeline.server.callbacks.CallbackMaps;
import dev.lifeline.server.callbacks.CallbackRequests;
import dev.lifeline.server.callbacks.CallbackRoutes;
import dev.lifeline.server.callbacks.CallbackScheduler;
import dev.lifeline.server.callbacks.CallbackTasks;
import dev.lifeline.server.callbacks.InQueueCallbackRoutes;
import dev.lifeline.server.callbacks.PressOneOffer;
import dev.lifeline.server.callbacks.WebsiteCallbackRoutes;
import dev.lifeline.server.callbacks.WebsiteSignature;
import dev.lifeline.server.cluster.ClusterWorkspace;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.config.SipConfig;
import dev.lifeline.server.demo.DemoAgentsStartAvailable;
import dev.lifeline.server.demo.DemoNumber;
import dev.lifeline.server.demo.DemoRoutes;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.desktop.DesktopHub;
import dev.lifeline.server.desktop.DesktopModule;
import dev.lifeline.server.http.PublicUrls;
import dev.lifeline.server.softphone.SoftphoneAccess;
import dev.lifeline.server.engine.ConferenceAudit;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.TwilioEffects;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.IncidentReconciler;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.engine.RetentionAfterMerge;
import dev.lifeline.server.engine.SeenEvents;
import dev.lifeline.server.http.ClientAddresses;
import dev.lifeline.server.inbound.CallEntry;
import dev.lifeline.server.inbound.CallbackOffer;
import dev.lifeline.server.inbound.WaitAnswer;
import dev.lifeline.server.waiting.AcceptanceLog;
import dev.lifeline.server.waiting.QueueLedger;
import dev.lifeline.server.inbound.IncomingCallRoutes;
import dev.lifeline.server.http.DesktopRateLimit;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.http.SlowClientLimits;
import dev.lifeline.server.media.RecoveryAudioRoutes;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.presence.GhostLegReaper;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.rebuild.PartitionLossWatcher;
import dev.lifeline.server.rebuild.StateRebuilder;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswordSource;
import dev.lifeline.server.supervisor.SupervisorFeed;
import dev.lifeline.server.supervisor.CallMonitor;
import dev.lifeline.server.supervisor.MonitorRoutes;
import dev.lifeline.server.supervisor.SupervisorRoutes;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.outbound.OutboundRoutes;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.webhooks.WebhookHandler;
import dev.lifeline.server.webhooks.WebhookRoutes;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one embedded Hazelcast member, the Twilio connection (real or simulated), the
 * recovery engine and its reconciler, and one Javalin server for Twilio's webhooks and the desktops.
 * Start it with {@link #start(ServerConfig)}; close it to stop everything in reverse order.
 */
public final class LifelineServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LifelineServer.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(1);
    /** A callback enters the queue at most this long after it is due. */
    private static final Duration CALLBACKS_EVERY = Duration.ofSeconds(1);
    /** Each look costs a conference list plus a participant list per owned live conference (see ConferenceAudit). */
    private static final Duration AUDIT_EVERY = Duration.ofSeconds(20);
    /** A ghost leg ends at most this long after its desktop's silence passed {@code presence.leg-grace}. */
    private static final Duration GHOST_LEGS_EVERY = Duration.ofSeconds(1);
    /** Conferences with no record rebuilt per audit sweep per member (about four Twilio requests each). */
    private static final int UNKNOWN_CONFERENCES_PER_SWEEP = 5;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ServerConfig config;
    private final Clock clock = Clock.systemUTC();
    /** The request and message budgets' monotonic clock (ns); wall time in production. */
    private final LongSupplier budgetTime;
    private final LifelineMetrics metrics = new LifelineMetrics();
    private Javalin http;
    private ManagementServer management;
    private HazelcastInstance hazelcast;
    private TwilioConnection twilio;
    private ProvisionedWorkspace workspace;
    private RecoveryEngine engine;
    private IncidentReconciler reconciler;
    private String publicBaseUrl;
    private LoginThrottle signInThrottle;

    /** The embedded emulator's clock; null = the system clock (production and the demo). */
    private final dev.lifeline.sim.core.SimClock emulatorClock;

    private LifelineServer(ServerConfig config, LongSupplier budgetTime, dev.lifeline.sim.core.SimClock emulatorClock) {
        this.config = config;
        this.budgetTime = budgetTime;
        this.emulatorClock = emulatorClock;
    }

    public static LifelineServer start(ServerConfig config) {
        return start(config, System::nanoTime);
    }

    /**
     * As {@link #start(ServerConfig)}, with the monotonic clock (ns) the per-identity request budget and the socket
     * budgets refill by: a test holds it still so that what the limits refuse does not depend on the machine's speed.
     */
    public static LifelineServer start(ServerConfig config, LongSupplier budgetTime) {
        return start(config, budgetTime, null);
    }

    /**
     * As {@link #start(ServerConfig, LongSupplier)}, the embedded emulator (sim mode) running on {@code emulatorClock}: a
     * test holding a {@code ManualClock} moves callers through business hours and their waitUrl cycles.
     */
    public static LifelineServer start(ServerConfig config, LongSupplier budgetTime,
                                       dev.lifeline.sim.core.SimClock emulatorClock) {
        LifelineServer server = new LifelineServer(config, budgetTime, emulatorClock);
        try {
            server.boot();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void boot() {
        int port = FreePort.resolve(config.httpPort());
        // In sim mode the public URL is where the embedded emulator reaches us; in twilio mode it is configured.
        publicBaseUrl = config.mode() == ServerConfig.Mode.SIM ? "http://localhost:" + port : config.publicBaseUrl();

        // Callbacks (issue 20): the database is migrated before the member starts, and closed after it stopped.
        CallbackDatabase callbackDatabase = CallbackDatabase.of(config.callbacks());
        resources.add(0, callbackDatabase);
        callbackDatabase.migrate();
        hazelcast = HazelcastMembers.start(config.cluster(), hazelcastConfig -> CallbackMaps.configure(hazelcastConfig,
                config.cluster().backupCount(), new CallbackMapStore(callbackDatabase, clock),
                (int) config.callbacks().replayWindow().toSeconds()));
        resources.add(0, hazelcast::shutdown);
        resources.add(0, StateIndexes.addWhenServing(hazelcast));
        twilio = TwilioConnection.open(config, emulatorClock);
        resources.add(0, twilio);
        UserDirectory users = users();
        byte[] secret = tokenSecret();
        SipPasswordSource sipPasswords = Provisioning.sipPasswords(config, secret);
        workspace = ClusterWorkspace.provision(hazelcast, twilio.isSimulated(),
                () -> Provisioning.atStart(config, twilio, publicBaseUrl, users, sipPasswords));
        warnOfAgentsWithoutSipPassword(users, sipPasswords);
        VoiceGateway voice = twilio.voice();
        TaskRouterGateway taskRouter = twilio.taskRouter(workspace.workspaceSid());

        AgentDirectory agents = new AgentDirectory(users, workspace.workers());
        TokenService tokens = new TokenService(secret, config.auth().tokenTtl(), config.auth().sessionMaxAge(), clock);
        SessionRevocations revocations = new SessionRevocations(hazelcast, clock);
        DeviceCredentials devices = new DeviceCredentials(hazelcast, revocations, config.auth().resumeMaxAge(),
                config.auth().sessionMaxAge(), clock);
        SocketTickets tickets = new SocketTickets(hazelcast, clock);
        SessionAuthenticator authenticator = new SessionAuthenticator(tokens, revocations, tickets);

        DesktopHub hub = new DesktopHub(hazelcast, agents, clock);
        hub.pingWorkflowSid(workspace.pingWorkflowSid());
        resources.add(0, hub);
        RecoveryPolicy policy = recoveryPolicy();
        String conferenceCallbackUrl = publicBaseUrl + WebhookRoutes.CONFERENCE_PATH;
        ServerConfig.RecoverySettings recovery = config.recovery();
        engine = new RecoveryEngine(new ConferenceStore(hazelcast, recovery.conferenceRetention()),
                new IncidentStore(hazelcast, recovery.incidentRetention()),
                new TwilioEffects(voice, taskRouter, conferenceCallbackUrl),
                new EffectLeases(hazelcast, Duration.ofSeconds(30)), new SeenEvents(hazelcast), policy, clock, metrics, hub, hub);
        resources.add(0, engine);

        SoftphoneAccess softphones = sipAccounts(sipPasswords, agents::hasPhone);
        DesktopModule desktop = new DesktopModule(new DesktopModule.Dependencies(hazelcast, voice, taskRouter, engine, hub, agents,
                authenticator, workspace, publicBaseUrl, config.recovery().presenceGrace(), clock, softphones,
                config.transferQueueTimeout()));
        OutboundRoutes outbound = new OutboundRoutes(authenticator, agents, softphones, new OutboundDialler(voice, taskRouter,
                engine, workspace.voiceWorkflowSid(), conferenceCallbackUrl, config.outboundCallerId(),
                OutboundDialler.OFFER_WAIT, OutboundDialler.ANSWER_WAIT));
        CallbackBook callbackBook = new CallbackBook(hazelcast);
        CallbackRequests callbackRequests = new CallbackRequests(callbackBook, config.callbacks().hours(),
                config.callbacks().priority(), clock, () -> HazelcastMembers.servesRecoveryState(hazelcast));
        CallbackRoutes callbackRoutes = new CallbackRoutes(authenticator, agents, callbackRequests, callbackBook);
        WebsiteCallbackRoutes websiteCallbacks = new WebsiteCallbackRoutes(new WebsiteSignature(
                config.callbacks().websiteSecret().reveal(), config.callbacks().replayWindow(), clock,
                hazelcast.getMap(CallbackMaps.WEBSITE_SIGNATURES)), callbackRequests);
        engine.onPhaseChange(new RecoveryCallbacks(callbackBook, config.callbacks().priority(),
                config.callbacks().recoverySameAgentFirst(), clock));
        CallbackDialler.CallbackUrls callbackUrls = new CallbackDialler.CallbackUrls(publicBaseUrl, conferenceCallbackUrl,
                twilio.authToken().getBytes(StandardCharsets.UTF_8));
        desktop.acceptCallbacksWith(new CallbackDialler(callbackBook, voice, taskRouter, engine, agents, callbackUrls,
                config.outboundCallerId(), clock, OutboundDialler.ANSWER_WAIT));
        desktop.budgetsRefillBy(budgetTime);
        resources.add(0, desktop);
        resources.add(0, new GhostLegReaper(agents, desktop.presence(), engine, voice, recovery.legGrace())
                .start(GHOST_LEGS_EVERY));
        QueueLedger queueLedger = new QueueLedger(workspace::voiceWorkflowSid, clock, config.supervisor().serviceLevelSeconds());
        SupervisorFeed supervisor = new SupervisorFeed(taskRouter, engine.incidents(), agents, desktop.states(), hub, clock,
                queueLedger);
        resources.add(0, supervisor);
        metrics.queueFiguresFrom(supervisor::queues);
        desktop.serveQueueSnapshots(supervisor::snapshot);
        if (twilio.isSimulated()) {
            desktop.onFirstSignIn(new DemoAgentsStartAvailable(taskRouter, workspace));
        }

        String authToken = twilio.authToken();
        HealthRoutes health = new HealthRoutes(hazelcast, taskRouter, config.mode().name().toLowerCase(java.util.Locale.ROOT), clock);
        TwilioSignatureVerifier signatures = new TwilioSignatureVerifier(authToken, publicBaseUrl);
        AcceptanceLog acceptances = new AcceptanceLog(workspace::voiceWorkflowSid, clock, metrics);
        WebhookRoutes webhooks = new WebhookRoutes(signatures,
                WebhookHandler.of(engine::onConferenceCallback, event -> {
                    engine.onTaskRouterEvent(event);
                    acceptances.onTaskRouterEvent(event);
                    queueLedger.onTaskRouterEvent(event);
                    desktop.commands().untakenTransfers().onTaskRouterEvent(event);
                }), metrics);
        Clock entryClock = twilio.sim() != null ? new EmulatorTime(twilio.sim().clock()) : clock;
        // Issues 19 and 20 meet here: outside hours and after wait.max-wait the caller is offered "press 1".
        CallbackOffer callbackOffer = new PressOneOffer(publicBaseUrl, config.entry(), clock);
        IncomingCallRoutes incomingCalls = new IncomingCallRoutes(signatures,
                new CallEntry(workspace::voiceWorkflowSid, config.entry(), entryClock, callbackOffer, publicBaseUrl),
                new WaitAnswer(config.entry(), acceptances, clock, callbackOffer, publicBaseUrl), metrics);
        dev.lifeline.server.config.CallbackConfig callbackSettings = config.callbacks();
        CallbackCallRoutes callbackCalls = new CallbackCallRoutes(signatures, callbackBook, voice, taskRouter,
                new RetryPolicy(callbackSettings.maxAttempts(), callbackSettings.retryBase(), callbackSettings.retryMax(),
                        callbackSettings.retryWindow()), callbackSettings.machineMessage(), callbackUrls, clock);
        resources.add(0, callbackCalls);
        InQueueCallbackRoutes inQueueCallbacks = new InQueueCallbackRoutes(signatures, callbackRequests,
                new dev.lifeline.server.callbacks.TypedNumbers(callbackSettings.defaultCountry()), publicBaseUrl);
        signInThrottle = new LoginThrottle(LoginThrottle.Limits.DEFAULT, clock);
        AuthRoutes auth = new AuthRoutes(users, new Credentials(users, new PasswordHasher()), tokens, authenticator,
                revocations, tickets, signInThrottle, devices, id -> agents.workerSid(id).orElse(null));
        ClientAddresses clientAddresses = new ClientAddresses(config.trustedProxies());
        DemoRoutes demo = !twilio.isSimulated() ? null : new DemoRoutes(twilio.emulatorUrl(), dev.lifeline.server.provision.PhoneNumberProvisioner
                .buyInSimAndPointAt(twilio.client(), DemoNumber.forPort(port), publicBaseUrl + IncomingCallRoutes.PATH));
        http = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            SlowClientLimits.install(javalin, MAX_REQUEST_BYTES);
            javalin.jsonMapper(new CodecJsonMapper(JsonCodec.shared()));
            javalin.contextResolver.ip = clientAddresses::of;
            ProblemResponses.register(javalin.routes);
            new DesktopRateLimit(authenticator::signedIdentity, budgetTime).register(javalin.routes);
            webhooks.register(javalin.routes);
            incomingCalls.register(javalin.routes);
            auth.register(javalin.routes);
            new DeviceRoutes(authenticator, devices, users).register(javalin.routes);
            desktop.register(javalin.routes);
            new SupervisorRoutes(authenticator, supervisor).register(javalin.routes);
            new MonitorRoutes(authenticator, new CallMonitor(engine, softphones)).register(javalin.routes);
            outbound.register(javalin.routes);
            callbackRoutes.register(javalin.routes);
            websiteCallbacks.register(javalin.routes);
            callbackCalls.register(javalin.routes);
            inQueueCallbacks.register(javalin.routes);
            health.registerPublic(javalin.routes);
            new RecoveryAudioRoutes().register(javalin.routes);
            if (twilio.isSimulated()) {
                demo.register(javalin.routes);
            }
        });
        resources.add(0, http::stop);
        http.start(config.http().host(), port);
        management = ManagementServer.start(config.http().managementHost(), config.http().managementPort(), health, metrics);
        resources.add(0, management);
        if (twilio.isSimulated() && !config.http().publicListenerIsLoopback()) {
            log.warn("sim mode listens on {} (http.host): its demo users, /demo routes and emulator-signed webhooks "
                    + "are reachable from the network; keep this to a deliberate demo", config.http().host());
        }

        resources.add(0, new CallbackScheduler(callbackBook, new CallbackTasks(taskRouter, workspace.voiceWorkflowSid()),
                clock, () -> HazelcastMembers.servesRecoveryState(hazelcast), config.callbacks().preferredAgentWait())
                .start(CALLBACKS_EVERY));
        reconciler = new IncidentReconciler(engine).start(RECONCILE_EVERY);
        resources.add(0, reconciler);
        StateRebuilder rebuilder = new StateRebuilder(hazelcast, voice, taskRouter, policy, clock, metrics,
                recovery.incidentRetention());
        resources.add(0, new ConferenceAudit(engine, voice, rebuilder::rebuildConferences, UNKNOWN_CONFERENCES_PER_SWEEP)
                .start(AUDIT_EVERY));
        resources.add(0, new RetentionAfterMerge(hazelcast, recovery.incidentRetention(), recovery.conferenceRetention())
                .start());
        PartitionLossWatcher partitionLoss = new PartitionLossWatcher(hazelcast,
                rebuilder, metrics).start();
        resources.add(0, partitionLoss);
        partitionLoss.rebuildIfAlone();
        desktop.start();
        supervisor.start(SupervisorFeed.PUSH_EVERY);
        log.info("Lifeline {} ready on {} ({} mode, workspace {}; /health and /metrics on {})", Version.current(),
                publicBaseUrl, config.mode().name().toLowerCase(java.util.Locale.ROOT), workspace.workspaceSid(),
                managementBaseUrl());
    }

    /**
     * Where desktops register: the configured proxy, else the SIP Domain itself at Twilio (5060) or the emulator's
     * SIP listener in sim mode. A sim-mode server whose shared emulator runs without SIP hands out no account.
     */
    private SoftphoneAccess sipAccounts(SipPasswordSource passwords, java.util.function.Predicate<String> hasPhone) {
        SipConfig sip = config.sip();
        String host = sip.proxyHost();
        int port = sip.proxyPort();
        if (twilio.isSimulated()) {
            java.util.OptionalInt emulatorPort = twilio.emulatorSipPort();
            if (host == null) {
                host = twilio.sim() != null ? "127.0.0.1" : java.net.URI.create(twilio.emulatorUrl()).getHost();
            }
            if (port == 0 && emulatorPort.isEmpty()) {
                return new SipAccounts(sip.domainName(), host, 5060, sip.transport(), passwords, identity -> false);
            }
            port = port != 0 ? port : emulatorPort.getAsInt();
        }
        return new SipAccounts(sip.domainName(), host != null ? host : sip.domainName(), port != 0 ? port : 5060,
                sip.transport(), passwords, hasPhone);
    }

    /** Twilio mode: a user (agent or supervisor) the passwords file has no password for gets no phone until {@code provision} runs. */
    private void warnOfAgentsWithoutSipPassword(UserDirectory users, SipPasswordSource passwords) {
        List<String> without = users.all().stream()
                .map(dev.lifeline.server.auth.User::identity)
                .filter(identity -> passwords.keptPasswordOf(config.sip().domainName(), identity).isEmpty()).toList();
        if (!without.isEmpty()) {
            log.warn("no SIP password kept for {} in {}: their desktops get no phone until 'lifeline-server provision' runs",
                    without, config.sip().passwordsFile());
        }
    }

    private RecoveryPolicy recoveryPolicy() {
        ServerConfig.RecoverySettings r = config.recovery();
        String announce = PublicUrls.absolute(publicBaseUrl, r.announceUrl());
        String hold = PublicUrls.absolute(publicBaseUrl, r.holdMusicUrl());
        return new RecoveryPolicy(r.pingTtl(), RecoveryPolicy.DEFAULT_PING_GRACE, r.deadline(), r.pingPriority(),
                r.reconnectPriority(), r.reconnectPriority(), announce, hold, workspace.pingWorkflowSid(), false)
                .withSafetyNet(workspace.voiceWorkflowSid(), publicBaseUrl + WebhookRoutes.STAY_ON_THE_LINE_PATH)
                .withStrategy(r.strategy());
    }

    /** The users file; the demo users exist only in sim mode (config validation says so first, this makes sure). */
    private UserDirectory users() {
        if (config.auth().usersFile() != null) {
            return UserDirectory.load(config.auth().usersFile());
        }
        if (config.mode() != ServerConfig.Mode.SIM) {
            throw new ConfigException("auth.users-file is required in twilio mode (the demo users exist only in sim mode)");
        }
        return UserDirectory.demo(new PasswordHasher());
    }

    private byte[] tokenSecret() {
        String configured = config.auth().tokenSecret().reveal();
        if (!configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        // Sim mode without a configured secret: a fresh one per start (sessions do not survive a restart).
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public int port() {
        return http.port();
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** {@code http://<management.host>:<port>}: full {@code /health} and {@code /metrics}. */
    public String managementBaseUrl() {
        String host = config.http().managementHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + management.port();
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public ProvisionedWorkspace workspace() {
        return workspace;
    }

    /** The sign-in throttle of this member (tests look at how much it remembers). */
    public LoginThrottle signInThrottle() {
        return signInThrottle;
    }

    public RecoveryEngine engine() {
        return engine;
    }

    public IncidentReconciler reconciler() {
        return reconciler;
    }

    /** The embedded emulator in sim mode; null in twilio mode and with a shared emulator ({@code twilio.base-url}). */
    public dev.lifeline.sim.TwilioSim sim() {
        return twilio == null ? null : twilio.sim();
    }

    /** The emulator's base URL in sim mode (embedded or shared); null in twilio mode. */
    public String emulatorUrl() {
        return twilio == null ? null : twilio.emulatorUrl();
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.debug("closing {} failed", resource, e);
            }
        }
        resources.clear();
    }
}
