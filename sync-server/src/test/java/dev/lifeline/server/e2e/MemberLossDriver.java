package dev.lifeline.server.e2e;

import com.hazelcast.core.HazelcastInstance;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs two-party recoveries one after the other on a three-member cluster (backup count 1) and, in each, terminates
 * (not shuts down) the member owning the incident's partition at a chosen step, then starts a replacement member so
 * the next recovery again has three. Every recovery must reach RESTORED with each Twilio side effect performed once.
 * Shared by the CI test and the benchmark, which differ only in how many recoveries they run.
 */
public final class MemberLossDriver implements AutoCloseable {

    /** Where in the recovery the owner dies. */
    public enum KillPoint {
        AFTER_DROP_DETECTED, WHILE_PINGING, AFTER_PING_ACCEPTED, AFTER_RECONNECT_ENQUEUED, AFTER_RECONNECT_ACCEPTED
    }

    /** One recovery's outcome: how long from the agent's drop to RESTORED, and what Twilio saw. */
    public record Recovery(KillPoint killedAt, String incidentId, Duration dropToRestored, int customerEnqueues,
                           int pingTasks, int reconnectTasks, int announcements) {

        /** Each side effect exactly once: the inbound enqueue plus one reconnect enqueue, one ping, one announcement. */
        public boolean everyEffectOnce() {
            return customerEnqueues == 2 && pingTasks == 1 && reconnectTasks == 1 && announcements == 1;
        }
    }

    private static final String AGENT = "alice";

    private final RecoveryHarness harness;
    private final List<TestSoftphone> phones = new ArrayList<>();

    private MemberLossDriver(RecoveryHarness harness) {
        this.harness = harness;
    }

    /** Three members, backup count 1, the product's ping TTL and deadline, reconcilers on a short timer. */
    public static MemberLossDriver start() {
        RecoveryHarness harness = new RecoveryHarness(RecoveryHarness.Setup.of(Duration.ofSeconds(15), Duration.ofSeconds(120))
                .members(3).backups(1));
        harness.startReconcilers(Duration.ofMillis(200));
        RecoveryHarness.awaitTrue("three members formed one cluster", () -> clusterSize(harness) == 3);
        return new MemberLossDriver(harness);
    }

    /** One full recovery with the incident's owner terminated at {@code killPoint}. */
    public Recovery recoverKillingOwnerAt(KillPoint killPoint) throws Exception {
        TestSoftphone phone = phone();
        String customer = answeredCall(phone);
        String oldConference = harness.conferenceOf(customer).orElseThrow();
        Instant dropped = Instant.now();
        phone.drop();

        Incident opened = awaitIncidentIn(oldConference, incident -> true);
        killOwnerIf(killPoint == KillPoint.AFTER_DROP_DETECTED, opened.incidentId());
        Incident pinging = awaitIncidentIn(oldConference, incident -> incident.pingTaskSid() != null);
        killOwnerIf(killPoint == KillPoint.WHILE_PINGING, opened.incidentId());

        TestSoftphone restarted = phone();
        harness.acceptPlain(harness.awaitPendingReservation(AGENT, task -> task.sid().equals(pinging.pingTaskSid())));
        killOwnerIf(killPoint == KillPoint.AFTER_PING_ACCEPTED, opened.incidentId());
        awaitIncidentIn(oldConference, incident -> incident.phase() == Phase.RECONNECT_ENQUEUED);
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ENQUEUED, opened.incidentId());

        Reservation reconnect = harness.awaitPendingReservation(AGENT, task -> task.attributesJson().contains(opened.incidentId())
                && task.attributesJson().contains("\"isReconnect\":true"));
        harness.acceptVoice(AGENT, reconnect);
        killOwnerIf(killPoint == KillPoint.AFTER_RECONNECT_ACCEPTED, opened.incidentId());

        Incident restored = awaitIncidentIn(oldConference, incident -> incident.phase() == Phase.RESTORED);
        RecoveryHarness.awaitTrue("the customer is bridged with " + AGENT + " again", () -> bridged(customer, restarted));
        Recovery recovery = new Recovery(killPoint, restored.incidentId(),
                Duration.between(dropped, restored.timestamps().get(Phase.RESTORED)),
                harness.sim.voice().effects(customer).getOrDefault("enqueue", 0),
                harness.pingTasksOf(restored.incidentId()).size(), harness.reconnectTasksOf(customer).size(),
                harness.announcementsIn(oldConference));
        finish(customer);
        return recovery;
    }

    private TestSoftphone phone() throws Exception {
        TestSoftphone phone = harness.softphone(AGENT);
        phones.add(phone);
        return phone;
    }

    /** A customer calls in and the agent answers; returns once the engine has registered the agent's leg. */
    private String answeredCall(TestSoftphone phone) {
        harness.makeAvailable(AGENT);
        String customer = harness.sim.voice().inboundCall("+15551230001", "+15550100000", harness.workspace.voiceWorkflowSid(),
                "{\"from\":\"+15551230001\",\"caller\":\"Carol Customer\"}", null, null);
        harness.acceptVoice(AGENT, harness.awaitPendingReservation(AGENT, task -> task.attributesJson().contains(customer)));
        RecoveryHarness.awaitTrue(AGENT + "'s leg connected", () -> !phone.connectedCalls().isEmpty());
        // Earlier rounds' conferences also name the agent: wait for THIS conference's record.
        RecoveryHarness.awaitTrue(AGENT + " registered in the customer's conference", () -> harness.conferenceOf(customer)
                .flatMap(sid -> harness.liveEngine().conference(sid))
                .map(record -> record.participants().values().stream().anyMatch(p -> p.present() && p.worker() != null))
                .orElse(false));
        return customer;
    }

    private Incident awaitIncidentIn(String conferenceSid, java.util.function.Predicate<Incident> condition) {
        return RecoveryHarness.await("the incident of conference " + conferenceSid + " matching the condition",
                () -> harness.liveEngine().incidents().all().stream()
                        .filter(incident -> incident.conferenceSid().equals(conferenceSid))
                        .filter(condition)
                        .findFirst());
    }

    /** Terminates the owner, waits until the others have noticed, and starts a replacement with its own engine. */
    private void killOwnerIf(boolean now, String incidentId) {
        if (!now) {
            return;
        }
        HazelcastInstance owner = harness.partitionOwnerOf(incidentId);
        owner.getLifecycleService().terminate();
        RecoveryHarness.awaitTrue("the others removed the dead member", () -> clusterSize(harness) == 2);
        harness.addMember();
        RecoveryHarness.awaitTrue("the replacement joined and the partitions are backed up again",
                () -> clusterSize(harness) == 3 && harness.liveMember().getPartitionService().isClusterSafe());
    }

    private boolean bridged(String customer, TestSoftphone phone) {
        Optional<String> conference = harness.conferenceOf(customer);
        return conference.isPresent() && phone.connectedCalls().stream().anyMatch(c -> harness.conferenceOf(c).equals(conference));
    }

    /** Ends the call and the reconnect task so the agent is free for the next round. */
    private void finish(String customer) {
        harness.sim.voice().hangUp(customer);
        RecoveryHarness.awaitTrue("the customer's call ended", () -> "completed".equals(harness.sim.voice().callStatus(customer)));
        String task = (String) harness.reconnectTaskOf(customer).get("sid");
        RecoveryHarness.awaitTrue("the reconnect task is wrapping", () -> "wrapping".equals(harness.gateway.fetchTask(task).assignmentStatus()));
        harness.gateway.completeTask(task, "member-loss round over");
        phones.forEach(TestSoftphone::close);
        phones.clear();
    }

    private static int clusterSize(RecoveryHarness harness) {
        return harness.liveMember().getCluster().getMembers().size();
    }

    @Override
    public void close() {
        harness.close();
    }
}
