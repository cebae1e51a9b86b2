package dev.lifeline.server.scenarios;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.twilio.http.TwilioRestClient;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.DesktopFeed;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.IncidentReconciler;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.engine.SeenEvents;
import dev.lifeline.server.engine.TwilioEffects;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.webhooks.WebhookRoutes;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import io.javalin.Javalin;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process recovery scenario's world, composed from real parts: twilio-sim over HTTP through the real SDK,
 * a cluster of real Hazelcast members each with its engine ({@link #cluster}), signed webhooks into the real routes
 * behind a round-robin balancer, and no desktop layer. Each concern is a part of its own: {@link #cluster} (the
 * members, their engines and reconcilers), {@link #world} (what the emulator holds), {@link #agents} (test code
 * playing the agents' desktops) and {@link #incidents} (waiting on an agent's incident). The harness builds them,
 * registers the agents' softphones and closes everything.
 */
final class RecoveryHarness implements AutoCloseable {

    final ManualClock simClock = new ManualClock(Instant.now());
    final TwilioSim sim;
    final TwilioRestClient client;
    /** Every REST request the recovery engines made (not the tests' own). */
    final CountingHttpClient engineRequests;
    final ProvisionedWorkspace workspace;
    final VoiceGateway voice;
    final TaskRouterGateway taskRouter;
    final LifelineMetrics metrics = new LifelineMetrics();
    /** Every request the engines (and the desktop API's steps the harness plays) sent to the emulator. */
    final RestCallLog restCalls;
    /** Every incident the engines notified the dropped agent of, in order. */
    final List<Incident> notifications = new CopyOnWriteArrayList<>();
    final MemberCluster cluster;
    final EmulatorWorld world;
    final IncidentWaits incidents;
    final AgentDesks agents;
    /** The first member, its engine and reconciler: the one a single-member scenario talks to. */
    final HazelcastInstance hazelcast;
    final RecoveryEngine engine;
    final IncidentReconciler reconciler;
    /** Where the emulator posts conference callbacks (the server's route, through the round-robin). */
    final String conferenceCallbackUrl;

    private final Javalin http;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    RecoveryHarness(Duration pingTtl, Duration deadline) {
        this(Setup.of(pingTtl, deadline));
    }

    /**
     * @param memberCount cluster members in this JVM, each with its own engine and reconciler; webhooks are
     *                    dealt round-robin to the members still alive, as a load balancer would
     */
    RecoveryHarness(Duration pingTtl, Duration deadline, int memberCount) {
        this(Setup.of(pingTtl, deadline).members(memberCount));
    }

    /**
     * What a harness is made of. Tests that need more than the defaults (two agents, one member, backup count
     * 1, real TCP members) change one thing at a time: {@code Setup.of(ttl, deadline).members(3).agents(...)}.
     *
     * @param memberStarter starts a member from the server's own Hazelcast config; tests that need a mock
     *                      network (split brain) pass {@code TestHazelcastInstanceFactory::newHazelcastInstance}
     */
    record Setup(Duration pingTtl, Duration deadline, int memberCount, int backupCount, Map<String, String> agents,
                 Function<Config, HazelcastInstance> memberStarter, int minClusterSize, RecoveryStrategy strategy,
                 boolean engineClockFollowsSim) {

        static Setup of(Duration pingTtl, Duration deadline) {
            return new Setup(pingTtl, deadline, 1, 1, Map.of("alice", "Alice Agent", "bob", "Bob Agent"),
                    Hazelcast::newHazelcastInstance, 1, RecoveryStrategy.REQUEUE, false);
        }

        /** Split-brain protection as {@code cluster.min-size} configures it; 1 (the default here) turns it off. */
        Setup minClusterSize(int size) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, memberStarter, size, strategy, engineClockFollowsSim);
        }

        Setup members(int count) {
            return new Setup(pingTtl, deadline, count, backupCount, agents, memberStarter, minClusterSize, strategy, engineClockFollowsSim);
        }

        Setup backups(int count) {
            return new Setup(pingTtl, deadline, memberCount, count, agents, memberStarter, minClusterSize, strategy, engineClockFollowsSim);
        }

        /** Identity → friendly name of every agent (TaskRouter worker) to provision. */
        Setup agents(Map<String, String> identities) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, identities, memberStarter, minClusterSize, strategy, engineClockFollowsSim);
        }

        /** How agents are brought back ({@code recovery.strategy}); {@code requeue} unless set. */
        Setup strategy(RecoveryStrategy how) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, memberStarter, minClusterSize, how, engineClockFollowsSim);
        }

        /**
         * The engines read the emulator's clock instead of the system's: moving it past the ping TTL then ends a
         * {@code rejoin} recovery's wait for its agent too (there is no ping task whose TTL the emulator would end).
         */
        Setup enginesOnSimClock() {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, memberStarter, minClusterSize, strategy,
                    true);
        }

        Setup startingMembersWith(Function<Config, HazelcastInstance> starter) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, starter, minClusterSize, strategy, engineClockFollowsSim);
        }
    }

    RecoveryHarness(Setup setup) {
        sim = TwilioSim.builder().port(0).clock(simClock).sipPort(0).mediaTimeout(TestSoftphone.MEDIA_TIMEOUT).start();
        closeables.add(sim);
        client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
        restCalls = new RestCallLog(sim.baseUrl());
        // The engines' own requests are counted on their own too: the tests' actions (customers calling) are not.
        engineRequests = new CountingHttpClient(restCalls);
        cluster = new MemberCluster(setup, closeables);
        hazelcast = cluster.members.get(0);

        int httpPort = freePort();
        String base = "http://localhost:" + httpPort;
        workspace = new WorkspaceProvisioner(client).provision(null, "E2E", base + WebhookRoutes.TASKROUTER_PATH,
                setup.agents(), (int) setup.pingTtl().toSeconds(), 30);
        new SipDomainProvisioner(client, TestSoftphone.PASSWORDS).provision(TestSoftphone.DOMAIN, setup.agents().keySet());
        // The server's own requests go through the log; the test's polling (client, the emulator's state) does not.
        TwilioRestClient serverClient = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(restCalls).build();
        voice = VoiceGateway.over(serverClient);
        taskRouter = TaskRouterGateway.over(serverClient, workspace.workspaceSid());
        TwilioRestClient engineClient = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(engineRequests).build();
        VoiceGateway engineVoice = VoiceGateway.over(engineClient);
        TaskRouterGateway engineTaskRouter = TaskRouterGateway.over(engineClient, workspace.workspaceSid());
        RecoveryPolicy policy = new RecoveryPolicy(setup.pingTtl(), RecoveryPolicy.DEFAULT_PING_GRACE, setup.deadline(), 1000,
                1000, 1000, "http://media.example.com/connection-interrupted.mp3", "http://media.example.com/hold.mp3",
                workspace.pingWorkflowSid(), false)
                .withSafetyNet(workspace.voiceWorkflowSid(), base + WebhookRoutes.STAY_ON_THE_LINE_PATH)
                .withStrategy(setup.strategy());
        conferenceCallbackUrl = base + WebhookRoutes.CONFERENCE_PATH;
        Clock engineClock = setup.engineClockFollowsSim() ? new AdvancedWith(simClock) : Clock.systemUTC();
        cluster.runEngines(member -> new RecoveryEngine(new ConferenceStore(member), new IncidentStore(member),
                new TwilioEffects(engineVoice, engineTaskRouter, conferenceCallbackUrl),
                new EffectLeases(member, Duration.ofSeconds(30)), new SeenEvents(member), policy, engineClock,
                metrics, notifications::add, DesktopFeed.NONE));
        engine = cluster.engines.get(0);
        reconciler = cluster.reconcilers.get(0);

        world = new EmulatorWorld(sim, workspace);
        incidents = new IncidentWaits(cluster, identity -> workspace.workers().get(identity));
        agents = new AgentDesks(sim, client, workspace, taskRouter, cluster, world, incidents, conferenceCallbackUrl,
                this::softphone, setup.strategy());
        http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemResponses.register(config.routes);
            config.routes.before(WebhookRoutes.CONFERENCE_PATH, ctx -> cluster.nextRequest());
            config.routes.before(WebhookRoutes.TASKROUTER_PATH, ctx -> cluster.nextRequest());
            new WebhookRoutes(new TwilioSignatureVerifier(sim.authToken(), base), cluster, metrics).register(config.routes);
        });
        http.start(httpPort);
        closeables.add(0, http::stop);
    }

    // The agents and their softphones //

    TestSoftphone softphone(String identity) throws Exception {
        TestSoftphone phone = TestSoftphone.register(sim.sip().port(), identity);
        closeables.add(0, phone);
        return phone;
    }

    /** A customer calls in and the agent answers on {@code phone}; returns the customer's call SID. */
    String customerTalkingTo(String identity, TestSoftphone phone) {
        return agents.customerTalkingTo(identity, phone);
    }

    /** See {@link AgentDesks#agentComesBack}. */
    TestSoftphone agentComesBack(String identity, Incident pinging, String customerCallSid) throws Exception {
        return agents.agentComesBack(identity, pinging, customerCallSid);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort: the next test starts from fresh parts anyway
            }
        }
    }

    /** The system's time plus however far a test moved the emulator's clock. */
    private static final class AdvancedWith extends Clock {
        private final ManualClock sim;
        private final Instant simStart;

        AdvancedWith(ManualClock sim) {
            this.sim = sim;
            this.simStart = sim.now();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(Duration.between(simStart, sim.now()));
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
