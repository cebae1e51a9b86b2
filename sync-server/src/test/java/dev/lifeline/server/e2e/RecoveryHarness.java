package dev.lifeline.server.e2e;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.engine.DesktopFeed;
import dev.lifeline.server.engine.TwilioEffects;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.IncidentReconciler;
import dev.lifeline.server.engine.IncidentStore;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.engine.SeenEvents;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskState;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.webhooks.WebhookHandler;
import dev.lifeline.server.webhooks.WebhookRoutes;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The recovery engine wired to real parts — twilio-sim over HTTP through the real SDK, a real Hazelcast
 * member, signed webhooks into real routes — without the desktop layer. Test code plays the agent's desktop:
 * it accepts reservations exactly as the desktop API does (expect the worker, then the conference
 * instruction) and holds the agent's softphone on the voice plane.
 */
final class RecoveryHarness implements AutoCloseable {

    private static int nextPort = 5811;

    final ManualClock simClock = new ManualClock(Instant.now());
    final TwilioSim sim;
    final TwilioRestClient client;
    final HazelcastInstance hazelcast;
    // Members may be added while webhook threads read these lists.
    final List<HazelcastInstance> members = new CopyOnWriteArrayList<>();
    private final List<Integer> memberSlots = new CopyOnWriteArrayList<>();
    final List<RecoveryEngine> engines = new CopyOnWriteArrayList<>();
    final List<IncidentReconciler> reconcilers = new CopyOnWriteArrayList<>();
    final ProvisionedWorkspace workspace;
    final VoiceGateway voice;
    final TaskRouterGateway taskRouter;
    final RecoveryEngine engine;
    final IncidentReconciler reconciler;
    final List<Incident> notifications = new CopyOnWriteArrayList<>();
    /** How long each webhook event (each element of a batch) took inside an engine, for storm reports. */
    final java.util.Queue<Long> engineHandlingNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int SPARE_MEMBER_PORTS = 4;

    final LifelineMetrics metrics = new LifelineMetrics();
    private final Setup setup;
    private final String clusterName;
    private final int firstMemberPort;
    private final RecoveryPolicy policy;
    private final Javalin http;
    private final String conferenceCallbackUrl;
    private volatile Duration reconcileEvery;
    private volatile java.util.function.Predicate<ConferenceCallback> refusedConferenceCallbacks =
            callback -> false;
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
                 Function<Config, HazelcastInstance> memberStarter, int minClusterSize) {

        static Setup of(Duration pingTtl, Duration deadline) {
            return new Setup(pingTtl, deadline, 1, 1, Map.of("alice", "Alice Agent", "bob", "Bob Agent"),
                    Hazelcast::newHazelcastInstance, 1);
        }

        /** Split-brain protection as {@code cluster.min-size} configures it; 1 (the default here) turns it off. */
        Setup minClusterSize(int size) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, memberStarter, size);
        }

        Setup members(int count) {
            return new Setup(pingTtl, deadline, count, backupCount, agents, memberStarter, minClusterSize);
        }

        Setup backups(int count) {
            return new Setup(pingTtl, deadline, memberCount, count, agents, memberStarter, minClusterSize);
        }

        /** Identity → friendly name of every agent (TaskRouter worker) to provision. */
        Setup agents(Map<String, String> identities) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, identities, memberStarter, minClusterSize);
        }

        Setup startingMembersWith(Function<Config, HazelcastInstance> starter) {
            return new Setup(pingTtl, deadline, memberCount, backupCount, agents, starter, minClusterSize);
        }
    }

    RecoveryHarness(Setup setup) {
        this.setup = setup;
        sim = TwilioSim.builder().port(0).clock(simClock).sipPort(0).mediaTimeout(TestSoftphone.MEDIA_TIMEOUT).start();
        closeables.add(sim);
        client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
        clusterName = "e2e-" + UUID.randomUUID();
        // Room for members added later (addMember) in the same TCP-IP member list.
        firstMemberPort = nextPorts(setup.memberCount() + SPARE_MEMBER_PORTS);
        for (int i = 0; i < setup.memberCount(); i++) {
            startMember();
        }
        hazelcast = members.get(0);

        int httpPort = freePort();
        String base = "http://localhost:" + httpPort;
        workspace = new WorkspaceProvisioner(client).provision(null, "E2E", base + WebhookRoutes.TASKROUTER_PATH,
                setup.agents(), (int) setup.pingTtl().toSeconds(), 30);
        new SipDomainProvisioner(client, TestSoftphone.PASSWORDS).provision(TestSoftphone.DOMAIN, setup.agents().keySet());
        voice = VoiceGateway.over(client);
        taskRouter = TaskRouterGateway.over(client, workspace.workspaceSid());
        policy = new RecoveryPolicy(setup.pingTtl(), RecoveryPolicy.DEFAULT_PING_GRACE, setup.deadline(), 1000, 1000, 1000,
                "http://media.example.com/connection-interrupted.mp3", "http://media.example.com/hold.mp3",
                workspace.pingWorkflowSid(), false)
                .withSafetyNet(workspace.voiceWorkflowSid(), base + WebhookRoutes.STAY_ON_THE_LINE_PATH);
        conferenceCallbackUrl = base + WebhookRoutes.CONFERENCE_PATH;
        for (HazelcastInstance member : members) {
            addEngineFor(member);
        }
        engine = engines.get(0);
        reconciler = reconcilers.get(0);
        RoundRobin balancer = new RoundRobin();
        http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemResponses.register(config.routes);
            // A load balancer deals requests, not events: a whole Event Streams batch lands on one member.
            config.routes.before(WebhookRoutes.CONFERENCE_PATH, ctx -> balancer.nextRequest());
            config.routes.before(WebhookRoutes.TASKROUTER_PATH, ctx -> balancer.nextRequest());
            new WebhookRoutes(new TwilioSignatureVerifier(sim.authToken(), base), balancer, metrics).register(config.routes);
        });
        http.start(httpPort);
        closeables.add(0, http::stop);
    }

    private HazelcastInstance startMember() {
        int slot = freeMemberSlot();
        List<String> memberList = new ArrayList<>();
        for (int i = 0; i < setup.memberCount() + SPARE_MEMBER_PORTS; i++) {
            memberList.add("127.0.0.1:" + (firstMemberPort + i));
        }
        HazelcastInstance member = setup.memberStarter().apply(HazelcastMembers.config(
                new ClusterSettings(clusterName, firstMemberPort + slot, memberList, setup.backupCount(),
                        setup.minClusterSize())));
        members.add(member);
        memberSlots.add(slot);
        closeables.add(0, () -> member.getLifecycleService().terminate());
        return member;
    }

    /**
     * A member port of the TCP-IP list that no running member holds: a replacement takes a dead member's port,
     * so the member-loss runs can replace members many more times than there are spare ports.
     */
    private int freeMemberSlot() {
        for (int slot = 0; slot < setup.memberCount() + SPARE_MEMBER_PORTS; slot++) {
            boolean taken = false;
            for (int i = 0; i < memberSlots.size(); i++) {
                taken |= memberSlots.get(i) == slot && members.get(i).getLifecycleService().isRunning();
            }
            if (!taken) {
                return slot;
            }
        }
        throw new IllegalStateException("no spare member port left; raise SPARE_MEMBER_PORTS");
    }

    private void addEngineFor(HazelcastInstance member) {
        RecoveryEngine memberEngine = new RecoveryEngine(new ConferenceStore(member), new IncidentStore(member),
                new TwilioEffects(voice, taskRouter, conferenceCallbackUrl),
                new EffectLeases(member, Duration.ofSeconds(30)), new SeenEvents(member), policy, Clock.systemUTC(),
                metrics, notifications::add, DesktopFeed.NONE);
        engines.add(memberEngine);
        reconcilers.add(new IncidentReconciler(memberEngine));
    }

    /**
     * Starts one more member with its own engine, as an operator replacing a dead server would; it starts
     * taking its share of webhooks at once. Its reconciler runs if {@link #startReconcilers} was called.
     */
    synchronized HazelcastInstance addMember() {
        HazelcastInstance member = startMember();
        addEngineFor(member);
        if (reconcileEvery != null) {
            IncidentReconciler memberReconciler = reconcilers.get(reconcilers.size() - 1);
            memberReconciler.start(reconcileEvery);
            closeables.add(0, memberReconciler);
        }
        return member;
    }

    /** Deals webhooks to live members in turn. */
    private final class RoundRobin implements WebhookHandler {
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        private final ThreadLocal<Integer> thisRequest = new ThreadLocal<>();

        void nextRequest() {
            thisRequest.set(Math.floorMod(next.getAndIncrement(), engines.size()));
        }

        /** The member this request was dealt to while it lives; otherwise the next live one. */
        private RecoveryEngine pick() {
            Integer dealt = thisRequest.get();
            if (dealt != null && members.get(dealt).getLifecycleService().isRunning()) {
                return engines.get(dealt);
            }
            int live = engines.size();
            for (int tries = 0; tries < live; tries++) {
                int i = Math.floorMod(next.getAndIncrement(), live);
                if (members.get(i).getLifecycleService().isRunning()) {
                    return engines.get(i);
                }
            }
            throw new IllegalStateException("no live member");
        }

        @Override
        public void onConferenceCallback(ConferenceCallback callback) {
            if (refusedConferenceCallbacks.test(callback)) {
                // As a member cut off from the majority answers; Twilio does not retry a Voice callback on a 5xx.
                throw new io.javalin.http.ServiceUnavailableResponse("refused by the test");
            }
            long start = System.nanoTime();
            try {
                pick().onConferenceCallback(callback);
            } finally {
                engineHandlingNanos.add(System.nanoTime() - start);
            }
        }

        @Override
        public void onTaskRouterEvent(TaskRouterEvent event) {
            long start = System.nanoTime();
            try {
                pick().onTaskRouterEvent(event);
            } finally {
                engineHandlingNanos.add(System.nanoTime() - start);
            }
        }
    }

    /** From now on, conference callbacks matching {@code refused} are answered 503 (and so lost: Twilio won't retry). */
    void refuseConferenceCallbacks(java.util.function.Predicate<ConferenceCallback> refused) {
        refusedConferenceCallbacks = refused;
    }

    /** Starts every member's reconciler on its timer, as the server does. */
    void startReconcilers(Duration every) {
        reconcileEvery = every;
        for (IncidentReconciler memberReconciler : reconcilers) {
            memberReconciler.start(every);
            closeables.add(0, memberReconciler);
        }
    }

    /** A live member's engine, for reading shared state after others died. */
    RecoveryEngine liveEngine() {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getLifecycleService().isRunning()) {
                return engines.get(i);
            }
        }
        throw new IllegalStateException("no live member");
    }

    /** The running member that owns the partition of {@code key} (the same partition in every map). */
    HazelcastInstance partitionOwnerOf(String key) {
        HazelcastInstance live = liveMember();
        java.util.UUID owner = live.getPartitionService().getPartition(key).getOwner().getUuid();
        for (HazelcastInstance member : members) {
            if (member.getLifecycleService().isRunning() && member.getCluster().getLocalMember().getUuid().equals(owner)) {
                return member;
            }
        }
        throw new AssertionError("no running owner for " + key);
    }

    HazelcastInstance liveMember() {
        return members.stream().filter(member -> member.getLifecycleService().isRunning()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no live member"));
    }

    private static synchronized int nextPorts(int count) {
        int first = nextPort;
        nextPort += count;
        return first;
    }

    // The agent's desktop //

    TestSoftphone softphone(String identity) throws Exception {
        TestSoftphone phone = TestSoftphone.register(sim.sip().port(), identity);
        closeables.add(0, phone);
        return phone;
    }

    void makeAvailable(String identity) {
        taskRouter.setWorkerActivity(worker(identity), workspace.activitySid("Available"));
    }

    String worker(String identity) {
        return workspace.workers().get(identity);
    }

    /** A pending reservation of this worker whose task matches, once TaskRouter has made one. */
    Reservation awaitPendingReservation(String identity, java.util.function.Predicate<TaskState> task) {
        return await("a pending reservation for " + identity, () -> {
            for (var r : com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.reader(workspace.workspaceSid(), worker(identity))
                    .read(client)) {
                if (r.getReservationStatus() != null && r.getReservationStatus().toString().equals("pending")
                        && task.test(taskRouter.fetchTask(r.getTaskSid()))) {
                    return Optional.of(Reservation.fetcher(workspace.workspaceSid(), r.getTaskSid(), r.getSid()).fetch(client));
                }
            }
            return Optional.empty();
        });
    }

    /** What the desktop API does for a voice reservation: expect the agent's leg, then the conference instruction. */
    void acceptVoice(String identity, Reservation reservation) {
        TaskState task = taskRouter.fetchTask(reservation.getTaskSid());
        TaskAttributes attributes = TaskAttributes.of(readJson(task.attributesJson()));
        String customerCallSid = (String) attributes.values().get("call_sid");
        liveEngine().expectWorker(task.sid(), new ConferenceStore.PendingAssignment(
                new WorkerAssignment(worker(identity), identity, reservation.getSid(), task.sid(), task.workflowSid(), attributes),
                customerCallSid, identity));
        taskRouter.acceptWithConference(task.sid(), reservation.getSid(), TestSoftphone.addressOf(identity), "+15550100000",
                new ConferenceJoin(identity, false, true, false, conferenceCallbackUrl,
                        ConferenceJoin.STATUS_EVENTS), true);
    }

    /** The Recovery Ping is on the default channel: a plain accept. */
    void acceptPlain(Reservation reservation) {
        Reservation.updater(workspace.workspaceSid(), reservation.getTaskSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(client);
    }

    /** A customer calls in and the agent answers on {@code phone}; returns the customer's call SID. */
    String customerTalkingTo(String identity, TestSoftphone phone) {
        makeAvailable(identity);
        String customer = sim.voice().inboundCall("+15551230001", "+15550100000", workspace.voiceWorkflowSid(),
                "{\"from\":\"+15551230001\",\"caller\":\"Carol Customer\"}", null, null);
        Reservation offer = awaitPendingReservation(identity, task -> true);
        acceptVoice(identity, offer);
        awaitTrue(identity + "'s leg connected", () -> !phone.connectedCalls().isEmpty());
        awaitTrue(identity + " registered in the conference", () -> liveEngine().conferences().all().stream()
                .anyMatch(c -> c.participants().values().stream()
                        .anyMatch(p -> p.worker() != null && p.worker().workerSid().equals(worker(identity)))));
        return customer;
    }

    /**
     * The dropped agent's desktop comes back: a new softphone accepts the Recovery Ping, then the reconnect
     * reservation, until the call is whole again (incident RESTORED, customer and agent in one conference).
     */
    TestSoftphone agentComesBack(String identity, Incident pinging, String customerCallSid) throws Exception {
        TestSoftphone restarted = softphone(identity);
        acceptPlain(awaitPendingReservation(identity, t -> t.sid().equals(pinging.pingTaskSid())));
        acceptVoice(identity, awaitPendingReservation(identity, t -> t.attributesJson().contains("\"isReconnect\":true")));
        awaitIncidentOf(identity, i -> i.phase() == dev.lifeline.model.incident.Phase.RESTORED);
        awaitTrue(identity + " and the customer share the new conference", () -> conferenceOf(customerCallSid).isPresent()
                && restarted.connectedCalls().stream().anyMatch(c -> conferenceOf(c).equals(conferenceOf(customerCallSid))));
        return restarted;
    }

    /** The SID of the in-progress conference the call is in, from the emulator's world state. */
    @SuppressWarnings("unchecked")
    Optional<String> conferenceOf(String callSid) {
        for (Map<String, Object> conference : conferences()) {
            List<Map<String, Object>> participants = (List<Map<String, Object>>) conference.get("participants");
            if (!"completed".equals(conference.get("status"))
                    && participants.stream().anyMatch(p -> callSid.equals(p.get("callSid")))) {
                return Optional.of((String) conference.get("sid"));
            }
        }
        return Optional.empty();
    }

    /** Drives the reconciler until the condition holds, as its timer would. */
    Incident sweepUntil(String identity, java.util.function.Predicate<Incident> condition) {
        return await("an incident of " + identity + " matching the condition after sweeps", () -> {
            reconciler.sweep();
            return liveEngine().incidents().all().stream()
                    .filter(i -> i.droppedWorker().workerSid().equals(worker(identity)))
                    .filter(condition)
                    .findFirst();
        });
    }

    // Assertions //

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conferences() {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        return (List<Map<String, Object>>) voice.get("conferences");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String callSid) {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        return ((List<Map<String, Object>>) voice.get("calls")).stream()
                .filter(c -> callSid.equals(c.get("sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + callSid));
    }

    String callActivity(String callSid) {
        return (String) call(callSid).get("activity");
    }

    String conferenceStatus(String conferenceSid) {
        return conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .map(c -> (String) c.get("status")).findFirst().orElse(null);
    }

    /** The reconnect task ({@code isReconnect}) created for this customer call, from the emulator's TaskRouter state. */
    @SuppressWarnings("unchecked")
    Map<String, Object> reconnectTaskOf(String callSid) {
        List<Map<String, Object>> tasks = tasks();
        Map<String, Object> newest = null;
        for (Map<String, Object> task : tasks) {
            Map<String, Object> attributes = (Map<String, Object>) task.get("attributes");
            if (callSid.equals(attributes.get("call_sid")) && Boolean.TRUE.equals(attributes.get("isReconnect"))) {
                newest = task;
            }
        }
        if (newest == null) {
            throw new AssertionError("no reconnect task for call " + callSid + " in " + tasks);
        }
        return newest;
    }

    /** The Recovery Ping tasks created for one incident (workflow = the ping workflow, marker attribute). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> pingTasksOf(String incidentId) {
        return tasks().stream()
                .filter(task -> workspace.pingWorkflowSid().equals(task.get("workflow_sid")))
                .filter(task -> incidentId.equals(((Map<String, Object>) task.get("attributes")).get("lifelineIncident")))
                .toList();
    }

    /** Every task TaskRouter holds for this call (its {@code call_sid} attribute), any status. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasksOfCall(String callSid) {
        return tasks().stream().filter(task -> callSid.equals(((Map<String, Object>) task.get("attributes")).get("call_sid")))
                .toList();
    }

    /** Every reconnect task ({@code isReconnect}) created for this customer call. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reconnectTasksOf(String callSid) {
        return tasks().stream().filter(task -> {
            Map<String, Object> attributes = (Map<String, Object>) task.get("attributes");
            return callSid.equals(attributes.get("call_sid")) && Boolean.TRUE.equals(attributes.get("isReconnect"));
        }).toList();
    }

    /** How many announcements the emulator played into the conference. */
    int announcementsIn(String conferenceSid) {
        return conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .map(c -> c.get("announcements")).map(a -> a instanceof List<?> list ? list.size() : ((Number) a).intValue())
                .findFirst().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks() {
        Map<String, Object> taskRouter = (Map<String, Object>) sim.snapshot().get("taskRouter");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Map<String, Object> workspace : (List<Map<String, Object>>) taskRouter.get("workspaces")) {
            tasks.addAll((List<Map<String, Object>>) workspace.get("tasks"));
        }
        return tasks;
    }

    Optional<Incident> incident(String incidentId) {
        return engine.incidents().get(incidentId);
    }

    Incident awaitIncidentOf(String identity, java.util.function.Predicate<Incident> condition) {
        return await("an incident of " + identity + " matching the condition", () -> liveEngine().incidents().all().stream()
                .filter(i -> i.droppedWorker().workerSid().equals(worker(identity)))
                .filter(condition)
                .findFirst());
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        // Generous: CI runs on two shared cores; the loop returns as soon as the condition holds.
        return await(what, probe, Duration.ofSeconds(60), Duration.ofMillis(20));
    }

    /** As {@link #await(String, Supplier)}, for callers that poll many conditions at once and must poll gently. */
    static <T> T await(String what, Supplier<Optional<T>> probe, Duration timeout, Duration every) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            pause(every);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        await(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static void pause(Duration every) {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError("task attributes are not JSON: " + json, e);
        }
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

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
