package dev.lifeline.server.desktop;

import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.model.command.LegAbandoned;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.server.callcontrol.PartyControls;
import dev.lifeline.server.callcontrol.TransferKind;
import dev.lifeline.server.callcontrol.TransferJobs;
import dev.lifeline.server.callcontrol.TransferSweeper;
import dev.lifeline.server.callcontrol.Transfers;
import dev.lifeline.server.callcontrol.UntakenTransfers;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.webhooks.WebhookRoutes;
import java.time.Duration;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.engine.ConferenceStore;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.presence.DeadLegs;
import dev.lifeline.server.presence.PresenceRegistry;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.ReservationRecord;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.taskrouter.TaskCaller;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TwilioGatewayException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a desktop asks, the same for a REST call and a socket message. Every command is checked
 * against the caller first — an agent acts only on its own reservations, tasks and conferences, supervisor
 * commands need the supervisor role — and only then touches Twilio. Somebody else's reservation, task or
 * conference answers exactly as one that does not exist (404): a 403 would tell an agent which ids are live.
 */
public final class DesktopCommands {

    private static final Logger log = LoggerFactory.getLogger(DesktopCommands.class);
    private static final Set<String> HELD_STATUSES = Set.of("accepted", "wrapping", "completed");

    private final DesktopModule.Dependencies deps;
    private final AgentStates states;
    private final PresenceRegistry presence;
    private final DeadLegs deadLegs;
    private final PartyControls parties;
    private final Transfers transfers;
    private final UntakenTransfers untakenTransfers;
    private final TransferSweeper transferSweeper;
    private volatile CallbackAcceptor callbacks;

    DesktopCommands(DesktopModule.Dependencies deps, AgentStates states, PresenceRegistry presence) {
        this.deps = deps;
        this.states = states;
        this.presence = presence;
        this.deadLegs = new DeadLegs(deps.engine(), deps.voice());
        // Call controls are claimed like the engine's effects: one performer across the cluster.
        EffectLeases claims = new EffectLeases(deps.hazelcast(), Duration.ofSeconds(30));
        String conferenceCallbackUrl = deps.publicBaseUrl() + WebhookRoutes.CONFERENCE_PATH;
        this.parties = new PartyControls(deps.voice(), deps.taskRouter(), deps.engine(), claims, conferenceCallbackUrl);
        this.transfers = new Transfers(deps.voice(), deps.taskRouter(), deps.engine(), claims,
                deps.workspace().voiceWorkflowSid(), deps.workspace().voiceQueueSid(), WorkspaceProvisioner.VOICE_QUEUE,
                conferenceCallbackUrl, deps.agents()::workerSid, OutboundDialler.ANSWER_WAIT, deps.transferQueueTimeout(),
                new TransferJobs(deps.hazelcast()));
        this.transferSweeper = transfers.sweeper();
        this.untakenTransfers = new UntakenTransfers(deps.taskRouter(), deps.engine(), claims, transfers,
                deps.workspace().voiceWorkflowSid(), deps.transferQueueTimeout());
    }

    /** Finishes on this member the transfers a member left half done (run by {@link DesktopModule#start()}). */
    TransferSweeper transferSweeper() {
        return transferSweeper;
    }

    /** Brings back a customer whose transfer nobody took (TaskRouter's {@code task.canceled} of the transfer task). */
    public UntakenTransfers untakenTransfers() {
        return untakenTransfers;
    }

    /** Issue 20: a callback's task accepted is dialled agent first by {@code acceptor}. */
    void acceptCallbacksWith(CallbackAcceptor acceptor) {
        this.callbacks = acceptor;
    }

    public void execute(Session session, ClientCommand command) {
        try {
            dispatch(session, command);
        } catch (TwilioGatewayException e) {
            throw new ApiProblem(translate(e));
        }
    }

    private void dispatch(Session session, ClientCommand command) {
        if (command instanceof AcceptReservation c) {
            accept(session, c.reservationSid());
        } else if (command instanceof RejectReservation c) {
            reject(session, c.reservationSid());
        } else if (command instanceof HangUp c) {
            hangUp(session, c.conferenceSid());
        } else if (command instanceof HoldParticipant c) {
            String conferenceSid = c.conferenceSid();
            deps.voice().hold(conferenceSid, participantOfMyConference(session, conferenceSid, c.callSid()).callSid(), true, null);
        } else if (command instanceof UnholdParticipant c) {
            String conferenceSid = c.conferenceSid();
            deps.voice().hold(conferenceSid, participantOfMyConference(session, conferenceSid, c.callSid()).callSid(), false, null);
        } else if (command instanceof MuteParticipant c) {
            String conferenceSid = c.conferenceSid();
            deps.voice().mute(conferenceSid, participantOfMyConference(session, conferenceSid, c.callSid()).callSid(), c.muted());
        } else if (command instanceof WrapUpTask c) {
            requireNoOpenIncident(workerOf(session), myTask(session, c.taskSid()));
            deps.taskRouter().wrapUpTask(c.taskSid(), "wrap-up by " + session.identity());
        } else if (command instanceof CompleteTask c) {
            requireNoOpenIncident(workerOf(session), myTask(session, c.taskSid()));
            deps.taskRouter().completeTask(c.taskSid(), "completed by " + session.identity());
        } else if (command instanceof SetActivity c) {
            String workerSid = workerOf(session);
            deps.taskRouter().setWorkerActivity(workerSid, deps.workspace().activitySid(c.activity().friendlyName()));
            deps.hub().sendTo(session.identity(), new ActivityChanged(states.agentView(session.identity(), workerSid)));
        } else if (command instanceof Heartbeat) {
            presence.heartbeat(session.identity());
        } else if (command instanceof PhoneReady c) {
            phoneReady(session, c.incidentId());
        } else if (command instanceof LegAbandoned c) {
            legAbandoned(session, c.callSid());
        } else if (command instanceof AddParty c) {
            if (c.to() != null) {
                parties.addNumber(workerOf(session), c.conferenceSid(), c.to());
            } else {
                transfers.transfer(workerOf(session), c.conferenceSid(), c.agent(), null, TransferKind.ADD);
            }
        } else if (command instanceof RemoveParty c) {
            parties.remove(workerOf(session), c.conferenceSid(), c.callSid());
        } else if (command instanceof TransferCall c) {
            transfers.transfer(workerOf(session), c.conferenceSid(), c.agent(), c.queue(),
                    c.warm() ? TransferKind.WARM : TransferKind.COLD);
        } else if (command instanceof CompleteTransfer c) {
            transfers.complete(workerOf(session), c.conferenceSid());
        } else if (command instanceof CancelTransfer c) {
            transfers.cancel(workerOf(session), c.conferenceSid());
        } else if (command instanceof CancelIncident c) {
            if (!session.isSupervisor()) {
                throw new ApiProblem(Problem.forbidden("Only supervisors may cancel a recovery"));
            }
            if (deps.engine().cancel(c.incidentId(), session.identity()).isEmpty()) {
                throw new ApiProblem(Problem.notFound("incident", c.incidentId()));
            }
        }
    }

    // Reservations //

    private void accept(Session session, String reservationSid) {
        String workerSid = workerOf(session);
        ReservationRecord reservation = myReservation(workerSid, reservationSid);
        requirePending(reservation);
        TaskDetails task = deps.taskRouter().taskDetails(reservation.taskSid())
                .orElseThrow(() -> new ApiProblem(Problem.conflict("The task of reservation " + reservationSid + " is gone")));
        TaskAttributes attributes = TaskAttributesJson.read(task.attributesJson());
        if (callbacks != null && attributes.string("type").filter(CallbackAcceptor.TYPE::equals).isPresent()) {
            callbacks.accept(session.identity(), workerSid, deps.softphones().addressOf(session.identity()), reservationSid, task);
            return;
        }
        Optional<String> customerCall = attributes.string(RecoveryAttributes.CALL_SID);
        if (Transfers.isTransfer(attributes)) {
            // A transfer joins the customer's conference as it is: no conference instruction (it would make another).
            String identity = session.identity();
            transfers.accept(new OutboundAgent(identity, workerSid, deps.agents().displayName(identity),
                    deps.softphones().addressOf(identity)), task.sid(), task.workflowSid(), reservationSid, attributes);
            return;
        }
        if (!"voice".equals(task.channel()) || customerCall.isEmpty()) {
            // The Recovery Ping and other non-voice work: no call to bridge, a plain accept.
            deps.taskRouter().acceptReservation(task.sid(), reservationSid);
            return;
        }
        String identity = session.identity();
        WorkerAssignment assignment = new WorkerAssignment(workerSid, deps.agents().displayName(identity), reservationSid,
                task.sid(), task.workflowSid(), attributes);
        // Registered BEFORE the accept: the worker leg's participant-join may arrive before this call returns.
        deps.engine().expectWorker(task.sid(), new ConferenceStore.PendingAssignment(assignment, customerCall.get(), identity));
        ConferenceJoin worker = new ConferenceJoin(identity, false, true, false,
                deps.publicBaseUrl() + "/webhooks/conference", ConferenceJoin.STATUS_EVENTS);
        String from = TaskCaller.number(attributes);
        // Worker endConferenceOnExit=false: a dropped agent must not end the customer's call. The customer's
        // leg ends the conference when the customer hangs up (two-party call).
        // The instruction rings the agent's SIP address (their worker's contact_uri), where their softphone registered.
        deps.taskRouter().acceptWithConference(task.sid(), reservationSid, deps.softphones().addressOf(identity),
                from != null ? from : "Lifeline", worker, true);
        log.info("{} accepted {} (task {})", identity, reservationSid, task.sid());
    }

    private void reject(Session session, String reservationSid) {
        ReservationRecord reservation = myReservation(workerOf(session), reservationSid);
        requirePending(reservation);
        deps.taskRouter().rejectReservation(reservation.taskSid(), reservationSid);
    }

    private ReservationRecord myReservation(String workerSid, String reservationSid) {
        Optional<ReservationRecord> known = deps.hub().reservations().get(reservationSid);
        if (known.isPresent()) {
            if (!known.get().workerSid().equals(workerSid)) {
                throw new ApiProblem(Problem.notFound("reservation", reservationSid));
            }
            return known.get();
        }
        // Not heard of through Event Streams yet (or this server restarted): ask TaskRouter.
        return deps.taskRouter().workerReservations(workerSid).stream()
                .filter(r -> r.sid().equals(reservationSid))
                .findFirst()
                .map(r -> new ReservationRecord(r.sid(), r.taskSid(), workerSid, r.status(), null, null, null, null, r.createdAt()))
                .orElseThrow(() -> new ApiProblem(Problem.notFound("reservation", reservationSid)));
    }

    private void requirePending(ReservationRecord reservation) {
        String status = deps.taskRouter().reservationStatus(reservation.taskSid(), reservation.reservationSid());
        if (!"pending".equals(status)) {
            throw new ApiProblem(Problem.conflict("Reservation " + reservation.reservationSid() + " is " + status
                    + "; only a pending reservation can be accepted or rejected"));
        }
    }

    // Tasks //

    private String myTask(Session session, String taskSid) {
        String workerSid = workerOf(session);
        boolean mine = deps.hub().reservations().ofTask(taskSid).stream()
                .anyMatch(r -> r.workerSid().equals(workerSid) && HELD_STATUSES.contains(r.status()))
                || deps.taskRouter().workerReservations(workerSid).stream()
                .anyMatch(r -> r.taskSid().equals(taskSid) && HELD_STATUSES.contains(r.status()));
        if (mine) {
            return taskSid;
        }
        throw new ApiProblem(Problem.notFound("task", taskSid));
    }

    private void requireNoOpenIncident(String workerSid, String taskSid) {
        boolean recovering = deps.engine().incidents().openIncidentsOf(workerSid).stream()
                .anyMatch(incident -> incident.droppedWorker().taskSid().equals(taskSid));
        if (recovering) {
            throw new ApiProblem(Problem.conflict("Task " + taskSid
                    + " is being recovered: the customer is waiting to be reconnected, so it cannot be wrapped up yet"));
        }
    }

    // Recoveries //

    /**
     * The dropped agent's desktop is back (this session: signed in) with its phone registered (its word). Somebody
     * else's incident answers as an unknown one; with the {@code requeue} strategy the engine changes nothing.
     */
    private void phoneReady(Session session, String incidentId) {
        String workerSid = workerOf(session);
        Incident incident = deps.engine().incidents().get(incidentId)
                .filter(i -> i.droppedWorker().workerSid().equals(workerSid))
                .orElseThrow(() -> new ApiProblem(Problem.notFound("incident", incidentId)));
        String identity = session.identity();
        String from = TaskCaller.number(incident.droppedWorker().taskAttributes());
        deps.engine().agentBack(incidentId, new RecoveryEvent.AgentBack(workerSid, identity,
                deps.softphones().addressOf(identity), from != null ? from : "Lifeline"));
    }

    /**
     * The agent's restarted desktop names a leg its dead predecessor held: ended now as a drop, rather than when the
     * ghost-leg grace runs out — which it never would, since the new process heartbeats at once. Only a connected leg
     * of the caller's own worker; any other answers as unknown.
     */
    private void legAbandoned(Session session, String callSid) {
        String workerSid = workerOf(session);
        ConferenceRecord conference = deps.engine().conferences().withWorkerPresent(workerSid).stream()
                .filter(record -> record.participant(callSid).filter(leg -> DeadLegs.isConnectedLegOf(leg, workerSid)).isPresent())
                .findFirst()
                .orElseThrow(() -> new ApiProblem(Problem.notFound("call", callSid)));
        deadLegs.end(conference.conferenceSid(), callSid);
        log.warn("{}'s restarted desktop says its previous process died holding leg {} in {}: leg ended as a drop",
                session.identity(), callSid, conference.conferenceSid());
    }

    // Conferences //

    private void hangUp(Session session, String conferenceSid) {
        Participant leg = myLeg(session, conferenceSid);
        // Marked graceful BEFORE the leg goes, so its participant-leave is never taken for a drop.
        deps.engine().gracefulExit(conferenceSid, leg.callSid(), GracefulExit.HANG_UP);
        deps.voice().hangUp(leg.callSid());
    }

    private Participant participantOfMyConference(Session session, String conferenceSid, String callSid) {
        myLeg(session, conferenceSid);
        ConferenceRecord record = deps.engine().conference(conferenceSid).orElseThrow();
        return record.participant(callSid).filter(Participant::present)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("participant", callSid)));
    }

    private Participant myLeg(Session session, String conferenceSid) {
        String workerSid = workerOf(session);
        ConferenceRecord record = deps.engine().conference(conferenceSid)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("conference", conferenceSid)));
        return AgentStates.myLeg(record, workerSid)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("conference", conferenceSid)));
    }

    // Plumbing //

    /** The caller's TaskRouter worker; supervisors without one may not act on calls. */
    String workerOf(Session session) {
        return deps.agents().workerSid(session.identity())
                .orElseThrow(() -> new ApiProblem(Problem.forbidden(session.identity() + " has no TaskRouter worker and takes no calls")));
    }

    private static Problem translate(TwilioGatewayException e) {
        if (e.status() == 404) {
            return new Problem(Problem.NOT_FOUND, "Not found", 404, "Twilio no longer knows it: " + e.getMessage(), null, null);
        }
        if (e.status() >= 400 && e.status() < 500) {
            return Problem.conflict("Twilio refused: " + e.getMessage());
        }
        log.warn("Twilio call failed: {}", e.getMessage());
        return new Problem(Problem.ABOUT_BLANK, "Bad gateway", 502, "Twilio could not be reached; try again", null, null);
    }
}
