package dev.lifeline.server.scenarios;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TaskState;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The agents' desktops, played by test code: what the desktop API does when an agent goes Available, accepts a
 * voice reservation (expect the worker, then the conference instruction) or the Recovery Ping, and what a desktop
 * that comes back after a drop does. The agent's softphone on the voice plane comes from {@link Softphones}.
 */
final class AgentDesks {

    /** Registers an agent's softphone (the harness owns and closes it). */
    @FunctionalInterface
    interface Softphones {
        TestSoftphone register(String identity) throws Exception;
    }

    private final TwilioSim sim;
    private final TwilioRestClient client;
    private final ProvisionedWorkspace workspace;
    private final TaskRouterGateway taskRouter;
    private final MemberCluster cluster;
    private final EmulatorWorld world;
    private final IncidentWaits incidents;
    private final String conferenceCallbackUrl;
    private final Softphones softphones;
    private final RecoveryStrategy strategy;
    private final TaskRouterGateway lookups;

    AgentDesks(TwilioSim sim, TwilioRestClient client, ProvisionedWorkspace workspace, TaskRouterGateway taskRouter,
               MemberCluster cluster, EmulatorWorld world, IncidentWaits incidents, String conferenceCallbackUrl,
               Softphones softphones, RecoveryStrategy strategy) {
        this.sim = sim;
        this.client = client;
        this.workspace = workspace;
        this.taskRouter = taskRouter;
        this.cluster = cluster;
        this.world = world;
        this.incidents = incidents;
        this.conferenceCallbackUrl = conferenceCallbackUrl;
        this.softphones = softphones;
        this.strategy = strategy;
        // What a desktop sees of its offers comes through the server's feed, not the server's REST calls.
        this.lookups = TaskRouterGateway.over(client, workspace.workspaceSid());
    }

    String worker(String identity) {
        return workspace.workers().get(identity);
    }

    void makeAvailable(String identity) {
        taskRouter.setWorkerActivity(worker(identity), workspace.activitySid("Available"));
    }

    /** A pending reservation of this worker whose task matches, once TaskRouter has made one. */
    Reservation awaitPendingReservation(String identity, Predicate<TaskState> task) {
        return Await.present("a pending reservation for " + identity, () -> {
            for (var r : com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.reader(workspace.workspaceSid(), worker(identity))
                    .read(client)) {
                if (r.getReservationStatus() != null && r.getReservationStatus().toString().equals("pending")
                        && task.test(lookups.fetchTask(r.getTaskSid()))) {
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
        cluster.liveEngine().expectWorker(task.sid(), new ConferenceStore.PendingAssignment(
                new WorkerAssignment(worker(identity), identity, reservation.getSid(), task.sid(), task.workflowSid(), attributes),
                customerCallSid, identity));
        taskRouter.acceptWithConference(task.sid(), reservation.getSid(), TestSoftphone.addressOf(identity), "+15550100000",
                new ConferenceJoin(identity, false, true, false, conferenceCallbackUrl,
                        ConferenceJoin.STATUS_EVENTS), true);
    }

    /** The Recovery Ping is on the default channel: a plain accept, as the desktop API makes it. */
    void acceptPlain(Reservation reservation) {
        taskRouter.acceptReservation(reservation.getTaskSid(), reservation.getSid());
    }

    /** A customer calls in and the agent answers on {@code phone}; returns the customer's call SID. */
    String customerTalkingTo(String identity, TestSoftphone phone) {
        makeAvailable(identity);
        String customer = sim.voice().inboundCall("+15551230001", "+15550100000", workspace.voiceWorkflowSid(),
                "{\"from\":\"+15551230001\",\"caller\":\"Carol Customer\"}", null, null);
        Reservation offer = awaitPendingReservation(identity, task -> true);
        acceptVoice(identity, offer);
        Await.until(identity + "'s leg connected", () -> !phone.connectedCalls().isEmpty());
        Await.until(identity + " registered in the conference", () -> cluster.liveEngine().conferences().all().stream()
                .anyMatch(c -> c.participants().values().stream()
                        .anyMatch(p -> p.worker() != null && p.worker().workerSid().equals(worker(identity)))));
        return customer;
    }

    /**
     * The dropped agent's desktop comes back: a new softphone registers, then (requeue) accepts the Recovery Ping and
     * the reconnect reservation, or (rejoin) says its phone is ready and answers the server's call, until the call is
     * whole again (incident RESTORED, customer and agent in one conference).
     */
    TestSoftphone agentComesBack(String identity, Incident pinging, String customerCallSid) throws Exception {
        TestSoftphone restarted = softphones.register(identity);
        if (strategy == RecoveryStrategy.REJOIN) {
            phoneReady(identity, pinging.incidentId());
        } else {
            acceptPlain(awaitPendingReservation(identity, t -> t.sid().equals(pinging.pingTaskSid())));
            acceptVoice(identity, awaitPendingReservation(identity, t -> t.attributesJson().contains("\"isReconnect\":true")));
        }
        incidents.awaitIncidentOf(identity, i -> i.phase() == Phase.RESTORED);
        Await.until(identity + " and the customer share the new conference", () -> world.conferenceOf(customerCallSid).isPresent()
                && restarted.connectedCalls().stream().anyMatch(c -> world.conferenceOf(c).equals(world.conferenceOf(customerCallSid))));
        return restarted;
    }

    /**
     * What the desktop API does for {@code phone-ready} (the agent's desktop is back, its phone registered): the
     * dialled call is answered by the agent's test softphone, which answers every call.
     */
    void phoneReady(String identity, String incidentId) {
        cluster.liveEngine().agentBack(incidentId, new RecoveryEvent.AgentBack(worker(identity), identity,
                TestSoftphone.addressOf(identity), "+15551230001"));
    }

    /** The phase the incident waits for its agent in: the ping exists (requeue), or at once (rejoin: no ping). */
    boolean waitsForAgent(Incident incident) {
        return incident.phase() == Phase.PINGING && (strategy == RecoveryStrategy.REJOIN || incident.pingTaskSid() != null);
    }

    RecoveryStrategy strategy() {
        return strategy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError("task attributes are not JSON: " + json, e);
        }
    }
}
