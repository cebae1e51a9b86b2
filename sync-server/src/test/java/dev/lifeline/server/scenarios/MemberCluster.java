package dev.lifeline.server.scenarios;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.engine.IncidentReconciler;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.webhooks.WebhookHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cluster of members in this JVM, each with its own engine and reconciler, and the load balancer in front of
 * them: webhooks are dealt round-robin to the members still alive. Members may be terminated by a scenario and
 * replaced ({@link #addMember()}) as an operator would.
 */
final class MemberCluster implements WebhookHandler {

    /** Room in the TCP-IP member list for members added later. */
    private static final int SPARE_MEMBER_PORTS = 4;
    private static int nextPort = 5811;

    // Members may be added while webhook threads read these lists.
    final List<HazelcastInstance> members = new CopyOnWriteArrayList<>();
    final List<RecoveryEngine> engines = new CopyOnWriteArrayList<>();
    final List<IncidentReconciler> reconcilers = new CopyOnWriteArrayList<>();
    /** How long each webhook event (each element of a batch) took inside an engine, for storm reports. */
    final Queue<Long> engineHandlingNanos = new ConcurrentLinkedQueue<>();

    private final RecoveryHarness.Setup setup;
    private final String clusterName = "scenario-" + UUID.randomUUID();
    private final int firstMemberPort;
    private final List<Integer> memberSlots = new CopyOnWriteArrayList<>();
    /** The harness's: what it closes, newest first. */
    private final List<AutoCloseable> closeables;
    private final AtomicInteger next = new AtomicInteger();
    private final ThreadLocal<Integer> thisRequest = new ThreadLocal<>();
    private Function<HazelcastInstance, RecoveryEngine> engineFor;
    private volatile Duration reconcileEvery;
    private volatile Predicate<ConferenceCallback> refusedConferenceCallbacks = callback -> false;
    private volatile Predicate<ConferenceCallback> halfAppliedConferenceCallbacks = callback -> false;

    /**
     * Starts the setup's members; their engines come with {@link #runEngines}.
     *
     * @param closeables where the members and reconcilers are registered to be closed (newest first)
     */
    MemberCluster(RecoveryHarness.Setup setup, List<AutoCloseable> closeables) {
        this.setup = setup;
        this.closeables = closeables;
        firstMemberPort = nextPorts(setup.memberCount() + SPARE_MEMBER_PORTS);
        for (int i = 0; i < setup.memberCount(); i++) {
            startMember();
        }
    }

    /** Gives every member, and every member added later, an engine made by {@code engineFor}. */
    void runEngines(Function<HazelcastInstance, RecoveryEngine> engineFor) {
        this.engineFor = engineFor;
        members.forEach(this::addEngineFor);
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

    /** Starts every member's reconciler on its timer, as the server does. */
    void startReconcilers(Duration every) {
        reconcileEvery = every;
        for (IncidentReconciler memberReconciler : reconcilers) {
            memberReconciler.start(every);
            closeables.add(0, memberReconciler);
        }
    }

    /** From now on, conference callbacks matching {@code refused} are answered 503 (and so lost: Twilio won't retry). */
    void refuseConferenceCallbacks(Predicate<ConferenceCallback> refused) {
        refusedConferenceCallbacks = refused;
    }

    /**
     * From now on, conference callbacks matching {@code halfApplied} change the conference record and then fail (503)
     * before the recovery events the change produced reach their incidents: what a member leaves behind when it dies
     * between the two writes. Twilio does not retry the callback, and a copy of it would be stale for the record anyway.
     */
    void dieBetweenConferenceAndIncident(Predicate<ConferenceCallback> halfApplied) {
        halfAppliedConferenceCallbacks = halfApplied;
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

    HazelcastInstance liveMember() {
        return members.stream().filter(member -> member.getLifecycleService().isRunning()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no live member"));
    }

    /** The running member that owns the partition of {@code key} (the same partition in every map). */
    HazelcastInstance partitionOwnerOf(String key) {
        UUID owner = liveMember().getPartitionService().getPartition(key).getOwner().getUuid();
        for (HazelcastInstance member : members) {
            if (member.getLifecycleService().isRunning() && member.getCluster().getLocalMember().getUuid().equals(owner)) {
                return member;
            }
        }
        throw new AssertionError("no running owner for " + key);
    }

    // The load balancer //

    /** A load balancer deals requests, not events: a whole Event Streams batch lands on one member. */
    void nextRequest() {
        thisRequest.set(Math.floorMod(next.getAndIncrement(), engines.size()));
    }

    @Override
    public void onConferenceCallback(ConferenceCallback callback) {
        if (refusedConferenceCallbacks.test(callback)) {
            // As a member cut off from the majority answers; Twilio does not retry a Voice callback on a 5xx.
            throw new io.javalin.http.ServiceUnavailableResponse("refused by the test");
        }
        if (halfAppliedConferenceCallbacks.test(callback)) {
            pick().conferences().apply(callback);
            throw new io.javalin.http.ServiceUnavailableResponse("the member died after writing the conference record");
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
        alsoTaskRouterEvents.forEach(listener -> listener.accept(event));
    }

    /** What the server hands TaskRouter's events to besides the engine (as LifelineServer's webhook handler does). */
    final List<java.util.function.Consumer<TaskRouterEvent>> alsoTaskRouterEvents =
            new java.util.concurrent.CopyOnWriteArrayList<>();

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

    // Members //

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
        RecoveryEngine memberEngine = engineFor.apply(member);
        engines.add(memberEngine);
        reconcilers.add(new IncidentReconciler(memberEngine));
    }

    private static synchronized int nextPorts(int count) {
        int first = nextPort;
        nextPort += count;
        return first;
    }
}
