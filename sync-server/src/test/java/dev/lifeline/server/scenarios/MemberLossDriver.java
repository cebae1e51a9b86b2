package dev.lifeline.server.scenarios;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs two-party recoveries one after the other on a three-member cluster (backup count 1) and, in each, terminates
 * (not shuts down) the member owning the incident's partition at a chosen step, then starts a replacement member so
 * the next recovery again has three. Every recovery must reach RESTORED with each Twilio side effect performed once.
 * Shared by the CI test and the benchmark, which differ only in how many recoveries they run.
 */
public final class MemberLossDriver implements AutoCloseable {

    /**
     * Where in the recovery the owner dies; {@link #MID_MOVE} recoveries are three-party calls. With {@code rejoin} the
     * steps are its own: the ping is the wait for the agent's desktop, the ping accepted is the desktop's phone-ready,
     * the reconnect enqueued is the dial under way, the reconnect accepted is the agent's leg connected, and the move
     * is taking the others off hold.
     */
    public enum KillPoint {
        AFTER_DROP_DETECTED, WHILE_PINGING, AFTER_PING_ACCEPTED, AFTER_RECONNECT_ENQUEUED, AFTER_RECONNECT_ACCEPTED, MID_MOVE
    }

    /**
     * One recovery's outcome: how long from the agent's drop to RESTORED, and what Twilio saw.
     *
     * @param thirdPartyMoves redirects of the third party into the new conference, or -1 on a two-party call
     */
    public record Recovery(KillPoint killedAt, String incidentId, Duration dropToRestored, int customerEnqueues,
                           int pingTasks, int reconnectTasks, int announcements, int thirdPartyMoves,
                           RecoveryStrategy strategy, int agentCalls, boolean announcementWithdrawn) {

        /**
         * Each side effect exactly once. Requeue: the inbound enqueue plus one reconnect enqueue, one ping, one
         * reconnect task, one announcement, and the third party (if any) moved once. Rejoin: the inbound enqueue only, no
         * ping and no reconnect task, the third party never moved, the agent dialled into the conference once (two calls
         * to the agent this round: the dropped one and the rejoined one), and one announcement, unless the agent was
         * back before it could play: a member that died holding its claim keeps it a while for Twilio's report, and an
         * announcement not played by the agent's return is withdrawn (then none, or the one its dead holder sent).
         */
        public boolean everyEffectOnce() {
            if (strategy == RecoveryStrategy.REJOIN) {
                boolean announcedOnce = announcements == 1 || (announcements == 0 && announcementWithdrawn);
                return customerEnqueues == 1 && pingTasks == 0 && reconnectTasks == 0 && announcedOnce
                        && (thirdPartyMoves == -1 || thirdPartyMoves == 0) && agentCalls == 2;
            }
            return customerEnqueues == 2 && pingTasks == 1 && reconnectTasks == 1 && announcements == 1
                    && (thirdPartyMoves == -1 || thirdPartyMoves == 1);
        }
    }

    private static final String AGENT = "alice";
    private static final String THIRD_PARTY_NUMBER = "+15557770000";

    private final RecoveryHarness harness;
    private final List<TestSoftphone> phones = new ArrayList<>();
    /** The member started in place of the one terminated last. */
    private CompletableFuture<Void> replacement = CompletableFuture.completedFuture(null);

    private MemberLossDriver(RecoveryHarness harness) {
        this.harness = harness;
    }

    /** Three members, backup count 1, the product's ping TTL and deadline, reconcilers on a short timer. */
    public static MemberLossDriver start() {
        return start(RecoveryStrategy.REQUEUE);
    }

    /** As {@link #start()}, agents brought back the given way. */
    public static MemberLossDriver start(RecoveryStrategy strategy) {
        RecoveryHarness harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(15), Duration.ofSeconds(120))
                .members(3).backups(1).strategy(strategy));
        harness.cluster.startReconcilers(Duration.ofMillis(200));
        Await.until("three members formed one cluster", () -> clusterSize(harness) == 3);
        return new MemberLossDriver(harness);
    }

    /** One full recovery with the incident's owner terminated at {@code killPoint}. */
    public Recovery recoverKillingOwnerAt(KillPoint killPoint) throws Exception {
        replacement.join();
        int agentCallsBefore = agentCalls();
        TestSoftphone phone = phone();
        String customer = answeredCall(phone);
        String oldConference = harness.world.conferenceOf(customer).orElseThrow();
        String thirdParty = killPoint == KillPoint.MID_MOVE ? thirdPartyJoins(oldConference) : null;
        Instant dropped = Instant.now();
        phone.drop();

        Incident opened = awaitIncidentIn(oldConference, incident -> true);
        killOwnerIf(killPoint == KillPoint.AFTER_DROP_DETECTED, opened.incidentId());
        Incident pinging = awaitIncidentIn(oldConference, harness.agents::waitsForAgent);
        killOwnerIf(killPoint == KillPoint.WHILE_PINGING, opened.incidentId());

        TestSoftphone restarted = phone();
        if (harness.agents.strategy() == RecoveryStrategy.REJOIN) {
            rejoinKillingOwnerAt(killPoint, opened, restarted, oldConference);
        } else {
            requeueKillingOwnerAt(killPoint, opened, pinging, oldConference);
        }

        Incident restored = awaitIncidentIn(oldConference, incident -> incident.phase() == Phase.RESTORED);
        Await.until("the customer is bridged with " + AGENT + " again", () -> bridged(customer, restarted));
        if (thirdParty != null) {
            Await.until("the third party is with the customer again",
                    () -> harness.world.conferenceOf(thirdParty).equals(harness.world.conferenceOf(customer)));
        }
        Recovery recovery = new Recovery(killPoint, restored.incidentId(),
                Duration.between(dropped, restored.timestamps().get(Phase.RESTORED)),
                harness.sim.voice().effects(customer).getOrDefault("enqueue", 0),
                harness.world.pingTasksOf(restored.incidentId()).size(), harness.world.reconnectTasksOf(customer).size(),
                harness.world.announcementsIn(oldConference),
                thirdParty == null ? -1 : harness.sim.voice().effects(thirdParty).getOrDefault("redirect", 0),
                harness.agents.strategy(), agentCalls() - agentCallsBefore, announcementWithdrawn(restored));
        // The agent is on the reconnect task (requeue) or still on the original one (rejoin).
        String agentsTask = harness.agents.strategy() == RecoveryStrategy.REJOIN ? restored.droppedWorker().taskSid()
                : (String) harness.world.reconnectTaskOf(customer).get("sid");
        finish(customer, thirdParty, agentsTask);
        return recovery;
    }

    private void requeueKillingOwnerAt(KillPoint killPoint, Incident opened, Incident pinging, String oldConference) {
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation(AGENT, task -> task.sid().equals(pinging.pingTaskSid())));
        killOwnerIf(killPoint == KillPoint.AFTER_PING_ACCEPTED, opened.incidentId());
        awaitIncidentIn(oldConference, incident -> incident.phase() == Phase.RECONNECT_ENQUEUED);
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ENQUEUED, opened.incidentId());

        Reservation reconnect = harness.agents.awaitPendingReservation(AGENT, task -> task.attributesJson().contains(opened.incidentId())
                && task.attributesJson().contains("\"isReconnect\":true"));
        harness.agents.acceptVoice(AGENT, reconnect);
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ACCEPTED, opened.incidentId());
        if (killPoint == KillPoint.MID_MOVE) {
            // RECONNECTED is the phase in which the third party's move is asked for and not yet done.
            awaitIncidentIn(oldConference, incident -> incident.timestamps().containsKey(Phase.RECONNECTED));
            killOwnerIf(true, opened.incidentId());
        }
    }

    private void rejoinKillingOwnerAt(KillPoint killPoint, Incident opened, TestSoftphone restarted, String oldConference) {
        harness.agents.phoneReady(AGENT, opened.incidentId());
        killOwnerIf(killPoint == KillPoint.AFTER_PING_ACCEPTED, opened.incidentId());
        awaitIncidentIn(oldConference, incident -> incident.timestamps().containsKey(Phase.REJOINING));
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ENQUEUED, opened.incidentId());
        Await.until(AGENT + "'s phone answered the server's call", () -> !restarted.connectedCalls().isEmpty());
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ACCEPTED, opened.incidentId());
        if (killPoint == KillPoint.MID_MOVE) {
            // RECONNECTED is the phase in which the others are taken off hold and not yet all.
            awaitIncidentIn(oldConference, incident -> incident.timestamps().containsKey(Phase.RECONNECTED));
            killOwnerIf(true, opened.incidentId());
        }
    }

    private static boolean announcementWithdrawn(Incident incident) {
        return incident.outbox().stream().anyMatch(entry -> entry.effect() instanceof Effect.AnnounceToConference
                && entry.outcome() != null && entry.outcome().startsWith("withdrawn"));
    }

    /** Every call ever made to the agent's phone (a dial made twice would ring it twice). */
    @SuppressWarnings("unchecked")
    private int agentCalls() {
        Map<String, Object> voice = (Map<String, Object>) harness.sim.snapshot().get("voice");
        return (int) ((List<Map<String, Object>>) voice.get("calls")).stream()
                .filter(call -> TestSoftphone.addressOf(AGENT).equals(call.get("to")))
                .count();
    }

    /** Someone dialled into the call (e.g. a supervisor line) who must follow the customer into the new conference. */
    private String thirdPartyJoins(String conferenceSid) {
        String thirdParty = harness.sim.voice().addParticipant(conferenceSid, "+15550100000", THIRD_PARTY_NUMBER,
                "supervisor-line", true);
        Await.until("the third party is in the conference", () -> harness.world.conferenceOf(thirdParty).isPresent());
        // The engine must know the party before the drop, or the drop's snapshot would not include it.
        Await.until("the engine saw the third party join", () -> harness.cluster.liveEngine().conference(conferenceSid)
                .map(record -> record.participant(thirdParty).map(p -> p.present()).orElse(false)).orElse(false));
        return thirdParty;
    }

    private TestSoftphone phone() throws Exception {
        TestSoftphone phone = harness.softphone(AGENT);
        phones.add(phone);
        return phone;
    }

    /** A customer calls in and the agent answers; returns once the engine has registered the agent's leg. */
    private String answeredCall(TestSoftphone phone) {
        harness.agents.makeAvailable(AGENT);
        String customer = harness.sim.voice().inboundCall("+15551230001", "+15550100000", harness.workspace.voiceWorkflowSid(),
                "{\"from\":\"+15551230001\",\"caller\":\"Carol Customer\"}", null, null);
        harness.agents.acceptVoice(AGENT, harness.agents.awaitPendingReservation(AGENT, task -> task.attributesJson().contains(customer)));
        Await.until(AGENT + "'s leg connected", () -> !phone.connectedCalls().isEmpty());
        // Earlier rounds' conferences also name the agent: wait for THIS conference's record.
        Await.until(AGENT + " registered in the customer's conference", () -> harness.world.conferenceOf(customer)
                .flatMap(sid -> harness.cluster.liveEngine().conference(sid))
                .map(record -> record.participants().values().stream().anyMatch(p -> p.present() && p.worker() != null))
                .orElse(false));
        return customer;
    }

    private Incident awaitIncidentIn(String conferenceSid, java.util.function.Predicate<Incident> condition) {
        return Await.present("the incident of conference " + conferenceSid + " matching the condition",
                () -> harness.cluster.liveEngine().incidents().all().stream()
                        .filter(incident -> incident.conferenceSid().equals(conferenceSid))
                        .filter(condition)
                        .findFirst());
    }

    /**
     * Terminates the owner, waits until the others have noticed, and starts a replacement with its own engine. The
     * replacement starts beside the rest of the round, as an operator's would: the agent's desktop does not wait for it
     * before answering the ping, so the driver does not either (it did, and its wait for a member to start was most of
     * the drop → RESTORED tail). The next round begins once the replacement has joined.
     */
    private void killOwnerIf(boolean now, String incidentId) {
        if (!now) {
            return;
        }
        HazelcastInstance owner = harness.cluster.partitionOwnerOf(incidentId);
        owner.getLifecycleService().terminate();
        Await.until("the others removed the dead member", () -> clusterSize(harness) == 2);
        replacement = CompletableFuture.runAsync(() -> {
            harness.cluster.addMember();
            Await.until("the replacement joined and the partitions are backed up again",
                    () -> clusterSize(harness) == 3 && harness.cluster.liveMember().getPartitionService().isClusterSafe());
        });
    }

    private boolean bridged(String customer, TestSoftphone phone) {
        Optional<String> conference = harness.world.conferenceOf(customer);
        return conference.isPresent() && phone.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(conference));
    }

    /** Ends the call and the agent's task (the reconnect, or with rejoin the original) so the agent is free again. */
    private void finish(String customer, String thirdPartyOrNull, String task) {
        if (thirdPartyOrNull != null) {
            harness.sim.voice().hangUp(thirdPartyOrNull);
        }
        harness.sim.voice().hangUp(customer);
        Await.until("the customer's call ended", () -> "completed".equals(harness.sim.voice().callStatus(customer)));
        // The agent's leg goes too (on a three-party call the customer's exit does not end the conference); with the
        // customer gone, that is no drop.
        phones.forEach(TestSoftphone::close);
        phones.clear();
        Await.until("the agent's task is wrapping", () -> "wrapping".equals(harness.taskRouter.fetchTask(task).assignmentStatus()));
        harness.taskRouter.completeTask(task, "member-loss round over");
    }

    private static int clusterSize(RecoveryHarness harness) {
        return harness.cluster.liveMember().getCluster().getMembers().size();
    }

    @Override
    public void close() {
        replacement.handle((done, failed) -> null).join();
        harness.close();
    }
}
