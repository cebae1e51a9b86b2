package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioGatewayException;
import dev.lifeline.server.twilio.Twiml;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each outbox effect does at Twilio (through {@link VoiceGateway} and {@link TaskRouterGateway}), and how that
 * went. Every effect checks Twilio's current state before acting and does nothing that is already so, because it may
 * be performed again: after a timeout, or at once by another member when its performer died after acting but before
 * recording it ({@link EffectLeases} voids a dead member's claims). Only {@link EffectRunner} calls it.
 */
public final class TwilioEffects {

    private static final Logger log = LoggerFactory.getLogger(TwilioEffects.class);
    /**
     * How long an announcement claimed by a member that died stays its: Twilio reports an announcement only by its
     * {@code announcement-end} callback, after playing it (seconds), and that report completes the effect.
     */
    private static final Duration ANNOUNCEMENT_WITNESS_WINDOW = Duration.ofSeconds(10);
    /** The ping's attribute naming the dropped agent (the Recovery Ping workflow routes on it). */
    private static final String DISCONNECTED_WORKER = "disconnectedWorkerSid";
    /** On the ping: the activity an agent moved to Lifeline Recovery had chosen, to go back to afterwards. */
    static final String RETURN_ACTIVITY = "lifelineReturnActivitySid";
    /** A task still waiting for, offered to or held by an agent (TaskRouter's assignment statuses). */
    private static final List<String> LIVE_TASK_STATUSES = List.of("pending", "reserved", "assigned");
    /** Twilio's call statuses after which a call is over for good. */
    private static final Set<String> FINAL_CALL_STATUSES = Set.of("completed", "busy", "failed",
            "no-answer", "canceled");

    /** Participant statuses of a leg still being dialled (Twilio's Participant {@code status}). */
    private static final Set<String> NOT_YET_JOINED = Set.of("queued", "connecting", "ringing");

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final String conferenceCallbackUrl;

    public TwilioEffects(VoiceGateway voice, TaskRouterGateway taskRouter, String conferenceCallbackUrl) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.conferenceCallbackUrl = conferenceCallbackUrl;
    }

    /** See {@link EffectLeases#tryClaim(String, Duration)}: every effect but the announcement is checked at Twilio first. */
    static Duration deadHolderGrace(Effect effect) {
        return effect instanceof Effect.AnnounceToConference ? ANNOUNCEMENT_WITNESS_WINDOW : Duration.ZERO;
    }

    EffectOutcome perform(Effect effect) {
        try {
            return run(effect);
        } catch (TwilioGatewayException e) {
            if (e.isPermanent()) {
                log.warn("effect {} refused for good: {}", effect.effectId(), e.getMessage());
                return EffectOutcome.failed(e.getMessage());
            }
            log.info("effect {} will be retried: {}", effect.effectId(), e.getMessage());
            return EffectOutcome.retryLater(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("effect {} will be retried after an unexpected failure", effect.effectId(), e);
            return EffectOutcome.retryLater(e.getClass().getSimpleName());
        }
    }

    private EffectOutcome run(Effect effect) {
        if (effect instanceof Effect.AnnounceToConference e) {
            return announce(e);
        } else if (effect instanceof Effect.StartHoldMusic e) {
            Optional<ParticipantState> party = voice.participant(e.conferenceSid(), e.callSid());
            if (party.isEmpty()) {
                return EffectOutcome.done("party already gone");
            }
            if (party.get().hold()) {
                return EffectOutcome.done("already on hold");
            }
            voice.hold(e.conferenceSid(), e.callSid(), true, e.holdUrl());
            return EffectOutcome.done("on hold");
        } else if (effect instanceof Effect.CreatePingTask e) {
            return createPing(e);
        } else if (effect instanceof Effect.MergeTaskAttributes e) {
            // A merge of the same patch is the same task whether it ran once or twice: nothing to check first.
            taskRouter.mergeTaskAttributes(e.taskSid(), e.patch().values());
            return EffectOutcome.done("merged");
        } else if (effect instanceof Effect.CompleteTask e) {
            taskRouter.completeTask(e.taskSid(), e.reason());
            return EffectOutcome.done("completed");
        } else if (effect instanceof Effect.CancelTask e) {
            taskRouter.cancelTask(e.taskSid(), e.reason());
            return EffectOutcome.done("canceled");
        } else if (effect instanceof Effect.RedirectCustomerToEnqueue e) {
            return enqueue(e.callSid(), e.workflowSid(), e.attributes(), e.priority());
        } else if (effect instanceof Effect.RescueCustomer e) {
            return enqueue(e.callSid(), e.workflowSid(), e.attributes(), e.priority());
        } else if (effect instanceof Effect.CompleteReservation e) {
            return completeReservation(e);
        } else if (effect instanceof Effect.MoveParty e) {
            return move(e);
        } else if (effect instanceof Effect.EndConference e) {
            voice.endConference(e.conferenceSid());
            return EffectOutcome.done("ended");
        } else if (effect instanceof Effect.DialAgentIntoConference e) {
            return dialAgent(e);
        } else if (effect instanceof Effect.StopHoldMusic e) {
            return voice.unhold(e.conferenceSid(), e.callSid()) ? EffectOutcome.done("off hold")
                    : EffectOutcome.done("party already gone");
        } else if (effect instanceof Effect.DialSupervisorIn e) {
            return dialSupervisor(e);
        } else if (effect instanceof Effect.CoachParticipant e) {
            return voice.coach(e.conferenceSid(), e.callSidOrLabel(), e.muted(), e.coaching(), e.callSidToCoach())
                    ? EffectOutcome.done(e.muted() ? "listening" : e.coaching() ? "whispering" : "barged in")
                    : EffectOutcome.done("supervisor already gone");
        } else if (effect instanceof Effect.RemoveParticipant e) {
            voice.removeParticipant(e.conferenceSid(), e.callSidOrLabel());
            return EffectOutcome.done("removed");
        } else if (effect instanceof Effect.SetEndConferenceOnExit e) {
            if (voice.participant(e.conferenceSid(), e.callSid()).isEmpty()) {
                return EffectOutcome.done("party already gone");
            }
            voice.setEndConferenceOnExit(e.conferenceSid(), e.callSid(), e.value());
            return EffectOutcome.done("set");
        }
        return EffectOutcome.failed("unknown effect " + effect.getClass().getSimpleName());
    }

    /**
     * The rejoin's dial is idempotent by its label, so it needs no look at Twilio first (the critical path is the create
     * alone): Twilio refuses a participant whose label an active participant of the conference holds (16026, ringing or
     * connected), and the label is the agent's identity, which the dropped leg gave up by leaving and nobody else in the
     * conference carries. Performed again — after a timeout that hid Twilio's answer, or by another member because its
     * performer died before recording it — the create is refused, and the leg holding the label, the first dial's, is
     * the outcome: the agent rings once. A conference that is over (404) has nobody to rejoin.
     */
    private EffectOutcome dialAgent(Effect.DialAgentIntoConference e) {
        ConferenceJoin join = new ConferenceJoin(e.label(), false, true, false, conferenceCallbackUrl,
                ConferenceJoin.STATUS_EVENTS);
        try {
            return EffectOutcome.done(voice.dialIntoConference(e.conferenceSid(), e.to(), e.from(), join));
        } catch (TwilioGatewayException refused) {
            if (refused.isNotFound()) {
                return EffectOutcome.targetGone("conference " + e.conferenceSid() + " is over");
            }
            if (!refused.isParticipantLabelInUse()) {
                throw refused;
            }
            // Dialled already. A holder gone by now rang out or left again; its join or leave is the machine's to see.
            return voice.participant(e.conferenceSid(), e.label())
                    .map(leg -> EffectOutcome.done(leg.callSid()))
                    .orElseGet(() -> EffectOutcome.retryLater("label " + e.label() + " was in use; its leg has left"));
        }
    }

    /** As {@link #dialAgent}: the supervisor's leg already there or ringing (a member died after dialling) is the one. */
    private EffectOutcome dialSupervisor(Effect.DialSupervisorIn e) {
        return dialledBefore(e.conferenceSid(), e.label()).orElseGet(() -> {
            ConferenceJoin join = new ConferenceJoin(e.label(), false, true, true, conferenceCallbackUrl,
                    ConferenceJoin.STATUS_EVENTS);
            return EffectOutcome.done(voice.dialCoach(e.conferenceSid(), e.to(), e.from(), join, e.callSidToCoach()));
        });
    }

    /**
     * The outcome of a dial into a conference that needs no dialling: done with the leg labelled {@code label} that is
     * already there or ringing, or gone when the conference is over; empty when the dial is to be made.
     */
    private Optional<EffectOutcome> dialledBefore(String conferenceSid, String label) {
        List<ParticipantState> participants = voice.participants(conferenceSid);
        if (participants.isEmpty()) {
            return Optional.of(EffectOutcome.targetGone("conference " + conferenceSid + " is over"));
        }
        return participants.stream().filter(p -> label.equals(p.label())).findFirst()
                .map(dialled -> EffectOutcome.done(dialled.callSid()));
    }

    /**
     * The agent's leg the rejoin dialled, connected in the conference at Twilio while the record does not show it
     * present (its {@code participant-join} was lost); empty otherwise, and while it still rings.
     */
    Optional<ParticipantState> rejoinedLegUnseen(Incident incident, ConferenceRecord record) {
        Optional<String> dialled = incident.outbox().stream()
                .filter(entry -> entry.effect() instanceof Effect.DialAgentIntoConference
                        && entry.state() == OutboxEntry.State.DONE && entry.outcome() != null)
                .map(OutboxEntry::outcome).findFirst();
        if (dialled.isEmpty() || record.participant(dialled.get()).map(Participant::present).orElse(false)) {
            return Optional.empty();
        }
        try {
            return voice.participant(incident.conferenceSid(), dialled.get())
                    .filter(party -> party.status() == null || !NOT_YET_JOINED.contains(party.status()));
        } catch (TwilioGatewayException e) {
            log.info("could not look for the rejoined leg of {}: {}", incident.incidentId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Twilio's {@code announcement-end} (see {@link AnnouncementWitness}) records an announcement played whoever asked
     * for it, so one still pending was not heard yet; a conference that is over has nobody to hear it.
     */
    private EffectOutcome announce(Effect.AnnounceToConference e) {
        if (voice.participants(e.conferenceSid()).isEmpty()) {
            return EffectOutcome.done("conference over: nobody to announce to");
        }
        voice.announce(e.conferenceSid(), AnnouncementWitness.urlFor(e.url(), e.effectId()));
        return EffectOutcome.done("announced");
    }

    /**
     * A ping the same incident attempt already has (created by a member that died before recording it) is the ping:
     * creating a second would offer the agent two.
     */
    private EffectOutcome createPing(Effect.CreatePingTask e) {
        Optional<TaskDetails> existing = taskOfThisAttempt(e.workflowSid(), List.of(), e.attributes());
        if (existing.isPresent()) {
            return EffectOutcome.done(existing.get().sid());
        }
        TaskAttributes attributes = e.attributes();
        Optional<String> chosen = attributes.string(DISCONNECTED_WORKER).flatMap(this::makeReachable);
        if (chosen.isPresent()) {
            attributes = attributes.with(RETURN_ACTIVITY, chosen.get());
        }
        return EffectOutcome.done(taskRouter.createTask(e.workflowSid(), TaskAttributesJson.write(attributes),
                e.ttlSeconds(), e.priority(), null));
    }

    /**
     * TaskRouter offers the ping and the reconnect only to an available worker. An agent on a break (or in any
     * unavailable activity, Offline included) when the leg dropped is moved to {@link TaskRouterGateway#LIFELINE_RECOVERY}
     * until the recovery is over; their voice capacity is still held by the dropped task, so no other call reaches them
     * meanwhile. @return the activity they had chosen, to go back to; empty when they were available already
     */
    private Optional<String> makeReachable(String workerSid) {
        Optional<WorkerState> worker = taskRouter.fetchWorker(workerSid);
        if (worker.isEmpty() || worker.get().available()) {
            return Optional.empty();
        }
        taskRouter.setWorkerActivity(workerSid, taskRouter.recoveryActivitySid());
        log.info("worker {} was {} when the leg dropped: {} until the recovery is over", workerSid,
                worker.get().activityName(), TaskRouterGateway.LIFELINE_RECOVERY);
        return Optional.ofNullable(worker.get().activitySid());
    }

    /**
     * Once the recovery is over (the customer back with them, or gone elsewhere), an agent moved to
     * {@link TaskRouterGateway#LIFELINE_RECOVERY} goes back to the activity they had chosen: still on the reconnected call,
     * and no new work after it, as they had asked. An agent who has moved on since (Offline for not answering the ping,
     * or their own choice) is left where they are. Safe to repeat.
     */
    void returnToChosenActivity(Incident incident) {
        if (incident.pingTaskSid() == null) {
            return;
        }
        try {
            Optional<String> chosen = taskRouter.taskDetails(incident.pingTaskSid())
                    .flatMap(ping -> TaskAttributesJson.read(ping.attributesJson()).string(RETURN_ACTIVITY));
            if (chosen.isEmpty()) {
                return;
            }
            String workerSid = incident.droppedWorker().workerSid();
            Optional<WorkerState> worker = taskRouter.fetchWorker(workerSid);
            if (worker.isPresent() && TaskRouterGateway.LIFELINE_RECOVERY.equals(worker.get().activityName())) {
                taskRouter.setWorkerActivity(workerSid, chosen.get());
            }
        } catch (TwilioGatewayException e) {
            log.warn("could not return worker {} to their activity after incident {}: {}",
                    incident.droppedWorker().workerSid(), incident.incidentId(), e.getMessage());
        }
    }

    /**
     * The workflow's task (in one of {@code statuses}; every status when empty) made for the same incident attempt and
     * target as {@code attributes}: Lifeline's own marker, which TaskRouter keeps on the task.
     */
    private Optional<TaskDetails> taskOfThisAttempt(String workflowSid, List<String> statuses, TaskAttributes attributes) {
        Object incident = attributes.values().get(RecoveryAttributes.LIFELINE_INCIDENT);
        if (incident == null) {
            return Optional.empty();
        }
        return taskRouter.tasks(workflowSid, statuses).stream()
                .filter(task -> sameAttempt(TaskAttributesJson.read(task.attributesJson()), attributes))
                .findFirst();
    }

    private static boolean sameAttempt(TaskAttributes task, TaskAttributes wanted) {
        return Objects.equals(task.string(RecoveryAttributes.LIFELINE_INCIDENT), wanted.string(RecoveryAttributes.LIFELINE_INCIDENT))
                && Objects.equals(task.number(RecoveryAttributes.LIFELINE_ATTEMPT), wanted.number(RecoveryAttributes.LIFELINE_ATTEMPT))
                && Objects.equals(task.string(RecoveryAttributes.TARGET_WORKER_SID), wanted.string(RecoveryAttributes.TARGET_WORKER_SID))
                && Objects.equals(task.string(RecoveryAttributes.CALL_SID), wanted.string(RecoveryAttributes.CALL_SID));
    }

    /**
     * Seed §9: a customer call that has ended is not enqueued (the customer left). A call Twilio does not know (404) is
     * not taken for a customer who left: it is a refusal, and the recovery says the customer may be stranded. A customer
     * already waiting in (or routed from) the queue this redirect asks for, for the same incident attempt and target,
     * was put there by a member that died before recording it: redirecting again would take them out and back in.
     */
    private EffectOutcome enqueue(String callSid, String workflowSid, TaskAttributes attributes,
                                  int priority) {
        String status = voice.callStatus(callSid);
        if (status == null) {
            return EffectOutcome.failed("Twilio does not know the customer's call " + callSid + " (404)");
        }
        if (FINAL_CALL_STATUSES.contains(status)) {
            return EffectOutcome.targetGone("customer call is " + status);
        }
        if (!"in-progress".equals(status)) {
            return EffectOutcome.failed("customer call is " + status + ", not in progress");
        }
        Optional<TaskDetails> queued = taskOfThisAttempt(workflowSid, LIVE_TASK_STATUSES, attributes);
        if (queued.isPresent()) {
            return EffectOutcome.done("already enqueued on " + workflowSid + " as " + queued.get().sid());
        }
        voice.redirect(callSid, Twiml.enqueue(workflowSid, TaskAttributesJson.write(attributes), priority));
        return EffectOutcome.done("enqueued on " + workflowSid);
    }

    private EffectOutcome completeReservation(Effect.CompleteReservation e) {
        String status = taskRouter.reservationStatus(e.taskSid(), e.reservationSid());
        if ("accepted".equals(status) && acceptedWithoutInstruction(e.taskSid())) {
            // An outbound call's task: the server accepted it without the conference instruction, so TaskRouter
            // does not wrap it when the agent's leg goes. Wrapped here, as the instruction would have done.
            taskRouter.wrapUpTask(e.taskSid(), "the agent's leg dropped");
            status = taskRouter.reservationStatus(e.taskSid(), e.reservationSid());
        }
        if ("wrapping".equals(status)) {
            if (e.takeWorkerOffline()) {
                takeOffline(e.workerSid());
            }
            taskRouter.completeReservationIfWrapping(e.taskSid(), e.reservationSid());
            return EffectOutcome.done("completed");
        }
        if ("accepted".equals(status)) {
            // TaskRouter moves the reservation to wrapping once the agent's leg is gone; not there yet.
            return EffectOutcome.retryLater("reservation still accepted");
        }
        return EffectOutcome.done("reservation already " + status);
    }

    private boolean acceptedWithoutInstruction(String taskSid) {
        return taskRouter.taskDetails(taskSid)
                .map(task -> dev.lifeline.server.taskrouter.OutboundTaskAttributes.placedByLifeline(task.attributesJson()))
                .orElse(false);
    }

    /** Before the completion frees the voice capacity: never a moment in which a gone desktop is routable. */
    private void takeOffline(String workerSid) {
        try {
            taskRouter.setWorkerOffline(workerSid);
        } catch (TwilioGatewayException e) {
            if (!e.isPermanent()) {
                throw e;
            }
            // A worker Twilio refuses to move (deleted meanwhile) takes no calls either; still free the reservation.
            log.warn("could not set {} offline before freeing the reservation: {}", workerSid, e.getMessage());
        }
    }

    /**
     * Re-dials the party into the new conference with its label, mute and endConferenceOnExit; a party that was on hold
     * is held again once it is there. {@code <Conference>} cannot join a party on hold, so the hold waits for the
     * party's join: the move stays pending until then, and the party's {@code participant-join} callback (or, if that
     * is lost, the reconciler) performs it again, which finds the party in the new conference and holds it.
     */
    private EffectOutcome move(Effect.MoveParty e) {
        // Seed §9: a party whose call is no longer in progress is skipped.
        String status = voice.callStatus(e.callSid());
        if (!"in-progress".equals(status)) {
            return EffectOutcome.done("skipped: call " + (status == null ? "unknown" : status));
        }
        // A member that died after the redirect but before recording it leaves the move pending; re-dialling a party
        // already in the new conference would take it out and back in again (MemberLossBenchmark, kill mid-move).
        Optional<EffectOutcome> arrived = holdIfArrived(e);
        if (arrived.isPresent()) {
            return arrived.get();
        }
        // Out of the old conference but not yet in the new one: on its way, redirected by a member that then died.
        if (e.fromConferenceSid() != null && voice.participant(e.fromConferenceSid(), e.callSid()).isEmpty()) {
            return onItsWay(e, "already left " + e.fromConferenceSid() + " for " + e.toConferenceName());
        }
        ConferenceJoin join = new ConferenceJoin(e.label(), e.endConferenceOnExit(), true, e.muted(),
                conferenceCallbackUrl, ConferenceJoin.STATUS_EVENTS);
        voice.redirect(e.callSid(), Twiml.joinConference(e.toConferenceName(), join));
        if (e.hold()) {
            // Its join may have been reported while this member still held the claim: look once more before waiting.
            return holdIfArrived(e).orElseGet(() -> onItsWay(e, "moved"));
        }
        return EffectOutcome.done("moved");
    }

    /** The party in the new conference: held if it should be, and the move done; empty while it is not there yet. */
    private Optional<EffectOutcome> holdIfArrived(Effect.MoveParty e) {
        Optional<String> target = voice.conferenceSidByName(e.toConferenceName());
        Optional<ParticipantState> party = target.flatMap(conference -> voice.participant(conference, e.callSid()));
        if (party.isEmpty()) {
            return Optional.empty();
        }
        if (e.hold() && !party.get().hold()) {
            voice.hold(target.get(), e.callSid(), true, null);
            return Optional.of(EffectOutcome.done("in " + e.toConferenceName() + ", on hold again"));
        }
        return Optional.of(EffectOutcome.done("already in " + e.toConferenceName()));
    }

    private static EffectOutcome onItsWay(Effect.MoveParty e, String what) {
        return e.hold() ? EffectOutcome.retryLater(what + "; held again when it joins") : EffectOutcome.done(what);
    }
}
