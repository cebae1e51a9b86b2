package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.RecoveryEvent.AgentBack;
import dev.lifeline.server.recovery.RecoveryEvent.AgentRejoined;
import dev.lifeline.server.recovery.RecoveryEvent.CancelledBySupervisor;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import dev.lifeline.server.recovery.RecoveryEvent.DeadlinePassed;
import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import dev.lifeline.server.recovery.RecoveryEvent.EffectCompleted;
import dev.lifeline.server.recovery.RecoveryEvent.EffectFailedPermanently;
import dev.lifeline.server.recovery.RecoveryEvent.EffectRefused;
import dev.lifeline.server.recovery.RecoveryEvent.PartiesMoved;
import dev.lifeline.server.recovery.RecoveryEvent.PartyJoined;
import dev.lifeline.server.recovery.RecoveryEvent.PingAccepted;
import dev.lifeline.server.recovery.RecoveryEvent.PingCanceled;
import dev.lifeline.server.recovery.RecoveryEvent.PingTaskCreated;
import dev.lifeline.server.recovery.RecoveryEvent.ReconnectAccepted;
import dev.lifeline.server.recovery.RecoveryEvent.ReconnectAssignedElsewhere;
import dev.lifeline.server.recovery.RecoveryEvent.ReconnectEnteredQueue;
import dev.lifeline.server.recovery.RecoveryEvent.ReconnectTaskCreated;
import dev.lifeline.server.recovery.RecoveryEvent.WorkerDroppedAgain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.lifeline.model.incident.Phase.CANCELLED;
import static dev.lifeline.model.incident.Phase.CUSTOMER_LEFT;
import static dev.lifeline.model.incident.Phase.DETECTED;
import static dev.lifeline.model.incident.Phase.EXPIRED;
import static dev.lifeline.model.incident.Phase.PINGING;
import static dev.lifeline.model.incident.Phase.RECONNECTED;
import static dev.lifeline.model.incident.Phase.RECONNECT_ENQUEUED;
import static dev.lifeline.model.incident.Phase.REJOINING;
import static dev.lifeline.model.incident.Phase.REQUEUED;
import static dev.lifeline.model.incident.Phase.RESTORED;
import static dev.lifeline.model.incident.Phase.STRANDED;

/**
 * The recovery, as a pure function {@code (incident, event, now, policy) → (incident', new effects)}.
 * See {@code package-info.java} for the transition table. Total: any event in any phase is either a
 * transition or a no-op returning the same incident and no effects. Idempotent: effects carry
 * deterministic ids and are added at most once, and every guard is phase-based, so a repeated event finds
 * nothing left to do.
 */
public final class RecoveryStateMachine {

    private RecoveryStateMachine() {
    }

    public static Transition apply(Incident currentOrNull, RecoveryEvent event, Instant now, RecoveryPolicy policy) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        if (event instanceof DropDetected drop) {
            return currentOrNull == null ? Detection.open(drop, now, policy) : Transition.unchanged(currentOrNull);
        }
        if (currentOrNull == null) {
            return new Transition(null, List.of());
        }
        IncidentStep step = new IncidentStep(currentOrNull, currentOrNull.toBuilder(), now, policy);
        dispatch(step, event);
        return step.finish();
    }

    private static void dispatch(IncidentStep step, RecoveryEvent event) {
        if (event instanceof PingTaskCreated e) {
            onPingTaskCreated(step, e.pingTaskSid());
        } else if (event instanceof PingAccepted e) {
            onPingAccepted(step, e.pingTaskSid());
        } else if (event instanceof PingCanceled e) {
            onPingCanceled(step, e.pingTaskSid());
        } else if (event instanceof ReconnectTaskCreated e) {
            rememberReconnectTask(step, e.reconnectTaskSid());
        } else if (event instanceof ReconnectEnteredQueue e) {
            onReconnectEnteredQueue(step, e.reconnectTaskSid());
        } else if (event instanceof ReconnectAccepted e) {
            onReconnectAccepted(step, e);
        } else if (event instanceof ReconnectAssignedElsewhere e) {
            onReconnectAssignedElsewhere(step, e);
        } else if (event instanceof AgentBack e) {
            Rejoin.agentBack(step, e);
        } else if (event instanceof AgentRejoined e) {
            Rejoin.agentRejoined(step, e);
            restoreWhenEveryoneMoved(step);
        } else if (event instanceof PartyJoined e) {
            onPartyJoined(step, e.party());
        } else if (event instanceof PartiesMoved) {
            if (step.phase() == RECONNECTED) {
                step.moveTo(RESTORED);
            }
        } else if (event instanceof CustomerLeft e) {
            boolean ourCustomer = e.customerCallSid() == null
                    || e.customerCallSid().equals(step.incident.customerCallSid);
            if (ourCustomer && !step.phase().isTerminal()) {
                Cleanup.customerLeft(step);
            }
        } else if (event instanceof WorkerDroppedAgain e) {
            if (!step.phase().isTerminal() && step.incident.supersededBy == null) {
                // The desktop follows the next attempt's own notifications; this one keeps moving its parties.
                step.incident.supersededBy = e.nextIncidentId();
            }
        } else if (event instanceof DeadlinePassed e) {
            onDeadlinePassed(step, e.now());
        } else if (event instanceof CancelledBySupervisor) {
            if (!step.phase().isTerminal()) {
                Cleanup.close(step, CANCELLED);
            }
        } else if (event instanceof EffectCompleted e) {
            onEffectSettled(step, e.effectId(), Settled.DONE, e.outcome());
        } else if (event instanceof EffectFailedPermanently e) {
            onEffectSettled(step, e.effectId(), Settled.TARGET_GONE, e.why());
        } else if (event instanceof EffectRefused e) {
            onEffectSettled(step, e.effectId(), Settled.REFUSED, e.why());
        }
    }

    private static void onPingTaskCreated(IncidentStep step, String pingTaskSid) {
        Incident.Builder incident = step.incident;
        if (incident.pingTaskSid == null) {
            incident.pingTaskSid = pingTaskSid;
        }
        if (step.phase() == DETECTED) {
            // The TTL runs from the task's creation, not from the detection.
            incident.pingDeadline = step.now.plus(step.policy.pingTtl());
            step.moveTo(PINGING);
        } else if (!step.phase().holdsAgent() && !Cleanup.pingWasAnswered(step)) {
            // The incident closed (or released the agent) before the ping existed (customer hung up, supervisor,
            // CreatePingTask was slow): withdraw the ping so it cannot pull the agent into a dead recovery.
            Cleanup.cancelPing(step, "incident closed before the ping was created");
        }
    }

    private static void onPingAccepted(IncidentStep step, String pingTaskSid) {
        Incident.Builder incident = step.incident;
        if (incident.pingTaskSid == null) {
            incident.pingTaskSid = pingTaskSid;
        } else if (!incident.pingTaskSid.equals(pingTaskSid)) {
            return;
        }
        // Completing the accepted ping frees the agent's default-channel capacity in every phase.
        step.emit(new Effect.CompleteTask(step.effectId("complete-ping"), pingTaskSid, "recovery ping accepted"));
        if (step.phase() == DETECTED || step.phase() == PINGING) {
            step.emit(new Effect.MergeTaskAttributes(step.effectId("mark-ping-successful"),
                    incident.droppedWorker.taskSid(), RecoveryAttributes.pingSucceededPatch()));
            Cleanup.redirectCustomer(step, "redirect-reconnect", incident.droppedWorker.workerSid(),
                    step.policy.reconnectPriority());
            step.moveTo(RECONNECT_ENQUEUED);
        }
    }

    private static void onPingCanceled(IncidentStep step, String pingTaskSid) {
        Incident.Builder incident = step.incident;
        boolean ours = incident.pingTaskSid == null || incident.pingTaskSid.equals(pingTaskSid);
        if (ours && (step.phase() == DETECTED || step.phase() == PINGING)) {
            incident.pingTaskSid = pingTaskSid;
            Cleanup.requeue(step);
        }
    }

    private static void rememberReconnectTask(IncidentStep step, String reconnectTaskSid) {
        // The reconnect task exists only after our redirect, i.e. never while detecting or pinging.
        if (step.incident.reconnectTaskSid == null && step.phase() != DETECTED && step.phase() != PINGING) {
            step.incident.reconnectTaskSid = reconnectTaskSid;
        }
    }

    private static void onReconnectEnteredQueue(IncidentStep step, String reconnectTaskSid) {
        if (step.phase() == RECONNECT_ENQUEUED) {
            rememberReconnectTask(step, reconnectTaskSid);
            Cleanup.freeAgent(step);
        }
    }

    private static void onReconnectAccepted(IncidentStep step, ReconnectAccepted accepted) {
        Incident.Builder incident = step.incident;
        Phase phase = step.phase();
        boolean reconnecting = phase == RECONNECT_ENQUEUED;
        // A requeued customer accepted by any agent still needs the remaining parties brought over.
        boolean followUp = (phase == REQUEUED || phase == EXPIRED || phase == CANCELLED || phase == STRANDED)
                && incident.reconnectReservationSid == null;
        if (!reconnecting && !followUp) {
            return;
        }
        rememberReconnectTask(step, accepted.reconnectTaskSid());
        incident.reconnectReservationSid = accepted.reservationSid();
        incident.reconnectWorkerSid = accepted.workerSid();
        incident.newConferenceSid = accepted.newConferenceSid();
        incident.newConferenceName = accepted.newConferenceName();
        // Accepting implies the task was queued, even if task-queue.entered has not reached us yet.
        Cleanup.freeAgent(step);
        for (PartySnapshot party : incident.remainingParties) {
            if (party.role() != PartyRole.CUSTOMER) {
                moveParty(step, party);
            }
        }
        if (phase == STRANDED) {
            // An agent has the customer after all: whatever the refusal was, the customer was queued.
            Cleanup.withdrawRescue(step, "an agent accepted the customer");
            step.moveTo(REQUEUED);
        }
        if (reconnecting) {
            step.moveTo(RECONNECTED);
            if (!accepted.workerSid().equals(incident.droppedWorker.workerSid())) {
                step.notifyAgent(accepted.workerSid());
            }
            restoreWhenEveryoneMoved(step);
        }
    }

    private static void onPartyJoined(IncidentStep step, PartySnapshot party) {
        Incident.Builder incident = step.incident;
        boolean known = incident.remainingParties.stream().anyMatch(p -> p.callSid().equals(party.callSid()));
        if (step.phase().isTerminal() || known || party.role() == PartyRole.WORKER) {
            return;
        }
        List<PartySnapshot> parties = new ArrayList<>(incident.remainingParties);
        parties.add(party);
        incident.remainingParties = List.copyOf(parties);
        if (step.phase() == RECONNECTED && party.role() != PartyRole.CUSTOMER) {
            moveParty(step, party);
        }
    }

    private static void moveParty(IncidentStep step, PartySnapshot party) {
        Incident.Builder incident = step.incident;
        step.emit(new Effect.MoveParty(step.effectId("move-party", party.callSid()), incident.conferenceSid,
                party.callSid(), incident.newConferenceName, party.label(), party.hold(), party.muted(),
                party.endConferenceOnExit()));
    }

    private static void onReconnectAssignedElsewhere(IncidentStep step, ReconnectAssignedElsewhere event) {
        if (step.phase() == RECONNECT_ENQUEUED
                && !step.incident.droppedWorker.workerSid().equals(event.otherWorkerSid())) {
            // The known-worker step timed out: the dropped agent's modal must close too (seed §8.5b).
            rememberReconnectTask(step, event.reconnectTaskSid());
            Cleanup.freeAgent(step);
            step.moveTo(REQUEUED);
        }
    }

    private static void onDeadlinePassed(IncidentStep step, Instant at) {
        Incident.Builder incident = step.incident;
        if (step.phase().isTerminal() || step.phase() == STRANDED) {
            // A stranded customer is the safety net's and the supervisors' now: expiring would only requeue again.
            return;
        }
        if (incident.deadline != null && !at.isBefore(incident.deadline)) {
            Cleanup.close(step, EXPIRED);
        } else if ((step.phase() == DETECTED || step.phase() == PINGING || step.phase() == REJOINING)
                && incident.pingDeadline != null && !at.isBefore(incident.pingDeadline.plus(graceAfterTtl(step)))) {
            // TaskRouter's task.canceled for the TTL never reached us (Event Streams may be hours late); with rejoin
            // there is no ping and this is the TTL itself, or the agent who came back never joined.
            Cleanup.cancelPing(step, "recovery ping unanswered");
            Cleanup.requeue(step);
        }
    }

    /**
     * A ping's TTL is TaskRouter's to enforce, so the watchdog gives its {@code task.canceled} a grace to arrive first.
     * Without a ping (rejoin) nobody else enforces it: at once, unless the agent is back and being dialled, who gets
     * the same grace to join.
     */
    private static java.time.Duration graceAfterTtl(IncidentStep step) {
        boolean noPing = step.incident.pingTaskSid == null && step.policy.rejoins();
        return noPing && step.phase() != REJOINING ? java.time.Duration.ZERO : step.policy.pingGrace();
    }

    /** How an outbox effect ended, as the executor reported it. */
    private enum Settled {
        DONE,
        /** What the effect acts on is gone (for a redirect of the customer: the customer left). */
        TARGET_GONE,
        /** Twilio refused it for good while what it acts on may still be there. */
        REFUSED;

        boolean failed() {
            return this != DONE;
        }
    }

    private static void onEffectSettled(IncidentStep step, String effectId, Settled how, String outcome) {
        OutboxEntry entry = step.incident.outbox.stream()
                .filter(candidate -> candidate.effectId().equals(effectId) && candidate.isPending())
                .findFirst().orElse(null);
        if (entry == null) {
            return;
        }
        step.settle(effectId, how.failed() ? OutboxEntry.State.FAILED : OutboxEntry.State.DONE, outcome);
        Effect effect = entry.effect();
        if (effect instanceof Effect.CreatePingTask) {
            if (!how.failed() && outcome != null) {
                onPingTaskCreated(step, outcome);
            } else if (how.failed() && (step.phase() == DETECTED || step.phase() == PINGING)) {
                Cleanup.requeue(step);
            }
        } else if (effect instanceof Effect.RedirectCustomerToEnqueue && how.failed()) {
            onRedirectFailed(step, entry, how);
        } else if (effect instanceof Effect.RescueCustomer rescue && step.phase() == STRANDED) {
            switch (how) {
                case DONE -> step.moveTo(REQUEUED);
                case REFUSED -> Cleanup.rescueAgain(step, rescue);
                case TARGET_GONE -> Cleanup.customerLeft(step);
            }
        } else if (effect instanceof Effect.MoveParty || effect instanceof Effect.StopHoldMusic) {
            restoreWhenEveryoneMoved(step);
        } else if (effect instanceof Effect.DialAgentIntoConference && how.failed()) {
            Rejoin.dialFailed(step, how == Settled.TARGET_GONE);
        }
    }

    private static void onRedirectFailed(IncidentStep step, OutboxEntry redirect, Settled how) {
        Phase phase = step.phase();
        boolean customerWasBeingQueued = phase == RECONNECT_ENQUEUED || phase == REQUEUED || phase == EXPIRED
                || phase == CANCELLED;
        if (how == Settled.REFUSED && customerWasBeingQueued && isLatestRedirect(step, redirect)) {
            // Twilio refused it: the customer is still on the line, in no queue (issue 21 item 3).
            Cleanup.strand(step);
        } else if (how == Settled.REFUSED) {
            // A later redirect superseded it, or the customer is no longer ours to queue: nothing to undo.
            return;
        } else if (phase.isTerminal()) {
            // Twilio refuses to redirect a call that is no longer in progress: the customer is gone.
            Cleanup.freeAgent(step);
            Cleanup.endOldConference(step);
        } else {
            Cleanup.customerLeft(step);
        }
    }

    /** No redirect of the customer was asked for after this one (a stale refusal must not strand a queued customer). */
    private static boolean isLatestRedirect(IncidentStep step, OutboxEntry redirect) {
        List<OutboxEntry> outbox = step.incident.outbox;
        int index = -1;
        for (int i = 0; i < outbox.size(); i++) {
            if (outbox.get(i).effectId().equals(redirect.effectId())) {
                index = i;
            }
        }
        for (int i = index + 1; i < outbox.size(); i++) {
            if (outbox.get(i).effect() instanceof Effect.RedirectCustomerToEnqueue) {
                return false;
            }
        }
        return true;
    }

    /** Everyone is back with the agent: moved into the new conference ({@code requeue}) or off hold ({@code rejoin}). */
    private static void restoreWhenEveryoneMoved(IncidentStep step) {
        boolean movesOutstanding = step.incident.outbox.stream()
                .anyMatch(entry -> (entry.effect() instanceof Effect.MoveParty || entry.effect() instanceof Effect.StopHoldMusic)
                        && entry.isPending());
        if (step.phase() == RECONNECTED && !movesOutstanding) {
            step.moveTo(RESTORED);
        }
    }
}
