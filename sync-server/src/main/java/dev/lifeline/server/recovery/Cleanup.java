package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import static dev.lifeline.model.incident.Phase.CUSTOMER_LEFT;
import static dev.lifeline.model.incident.Phase.DETECTED;
import static dev.lifeline.model.incident.Phase.PINGING;
import static dev.lifeline.model.incident.Phase.RECONNECTED;
import static dev.lifeline.model.incident.Phase.RECONNECT_ENQUEUED;
import static dev.lifeline.model.incident.Phase.REJOINING;
import static dev.lifeline.model.incident.Phase.REQUEUED;
import static dev.lifeline.model.incident.Phase.STRANDED;

/**
 * The building blocks of every exit. The rule they enforce: whatever way an incident ends, the dropped
 * agent's wrapping reservation is completed and the agent is told (the original left both undone on the
 * customer-gone paths, which kept the agent blocked behind its modal, seed §8.5 and §8.6), and a customer
 * still on the line ends up in a queue, never dropped — and when Twilio refuses to queue them, the incident says so
 * (STRANDED) and a last safety net keeps trying until they are queued, hang up, or a supervisor takes over.
 */
final class Cleanup {

    private Cleanup() {
    }

    /** Ping unanswered: back to the ORIGINAL workflow at elevated priority, no target agent. */
    static void requeue(IncidentStep step) {
        redirectCustomer(step, "redirect-requeue", null, step.policy.requeuePriority());
        freeAgent(step);
        step.moveTo(REQUEUED);
    }

    /**
     * Watchdog expiry or supervisor cancel: withdraw what is in flight, requeue the customer, free the agent. From
     * STRANDED (a supervisor takes the customer over) the safety net stops trying.
     */
    static void close(IncidentStep step, Phase terminal) {
        Phase phase = step.phase();
        withdrawRescue(step, "recovery " + terminal.name().toLowerCase());
        if (phase == DETECTED || phase == PINGING || phase == REJOINING) {
            cancelPing(step, "recovery " + terminal.name().toLowerCase());
            redirectCustomer(step, "redirect-requeue", null, step.policy.requeuePriority());
        } else if (phase == RECONNECT_ENQUEUED) {
            // The targeted reconnect is waiting for an agent who is not coming: replace it by an untargeted one.
            cancelReconnect(step, "recovery " + terminal.name().toLowerCase());
            redirectCustomer(step, "redirect-requeue", null, step.policy.requeuePriority());
        }
        // From RECONNECTED on the customer is already with an agent: nothing to requeue. A rejoined agent is on the
        // call of their original reservation: it is theirs to finish, not ours to complete under them.
        if (!(phase == RECONNECTED && rejoined(step))) {
            freeAgent(step);
        }
        step.moveTo(terminal);
    }

    /** The customer hung up: nothing left to recover, withdraw everything and free the agent. */
    static void customerLeft(IncidentStep step) {
        Phase phase = step.phase();
        withdrawRescue(step, "the customer left");
        if (phase == DETECTED || phase == PINGING) {
            cancelPing(step, "customer left");
        } else if (phase == RECONNECT_ENQUEUED) {
            cancelReconnect(step, "customer left");
        }
        freeAgent(step);
        // Remaining third parties would otherwise wait in an abandoned conference.
        if (phase != RECONNECTED) {
            endOldConference(step);
        }
        step.moveTo(CUSTOMER_LEFT);
    }

    static void redirectCustomer(IncidentStep step, String kind, String targetWorkerSid, int priority) {
        Incident.Builder incident = step.incident;
        if (!incident.partiesToMoveIsEmpty()) {
            // With a third party still there the customer's leaving must not end the old conference
            // (Twilio ends it when a participant with endConferenceOnExit=true leaves, seed §4 3-party variant).
            step.emit(new Effect.SetEndConferenceOnExit(step.effectId("customer-keeps-conference"),
                    incident.conferenceSid, incident.customerCallSid, false));
        }
        step.emit(new Effect.RedirectCustomerToEnqueue(step.effectId(kind), incident.customerCallSid,
                incident.droppedWorker.workflowSid(), RecoveryAttributes.reconnect(incident, targetWorkerSid),
                priority));
        // Whoever stays behind now waits alone until the move: music instead of silence. The move re-dials
        // them with their own hold state from the snapshot, so this hold does not follow them.
        for (PartySnapshot party : incident.remainingParties) {
            if (party.role() != PartyRole.CUSTOMER && !party.hold()) {
                step.emit(new Effect.StartHoldMusic(step.effectId("hold-music", party.callSid()),
                        incident.conferenceSid, party.callSid(), step.policy.holdMusicUrl()));
            }
        }
    }

    /**
     * Twilio refused to put the customer in a queue, so the exit the incident was in (or heading for) did not happen:
     * the customer is on the line in no queue. The agent is released either way; the phase tells the supervisors; the
     * last safety net starts at once.
     */
    static void strand(IncidentStep step) {
        step.incident.strandedFrom = step.phase();
        freeAgent(step);
        rescue(step, 1, step.now);
        step.moveTo(STRANDED);
    }

    /**
     * The safety net's attempt failed too: tell the customer to stay on the line (once) and try again after a backoff,
     * for as long as the customer is there and no supervisor has taken over.
     */
    static void rescueAgain(IncidentStep step, Effect.RescueCustomer failed) {
        if (step.policy.stayOnTheLineUrl() != null) {
            step.emit(new Effect.AnnounceToConference(step.effectId("stay-on-the-line"), step.incident.conferenceSid,
                    step.policy.stayOnTheLineUrl()));
        }
        rescue(step, failed.attempt() + 1, step.now.plus(step.policy.rescueBackoff(failed.attempt())));
    }

    private static void rescue(IncidentStep step, int attempt, java.time.Instant notBefore) {
        Incident.Builder incident = step.incident;
        String workflow = step.policy.safetyNetWorkflowSid() != null ? step.policy.safetyNetWorkflowSid()
                : incident.droppedWorker.workflowSid();
        step.emit(new Effect.RescueCustomer(step.effectId("rescue", String.valueOf(attempt)), incident.customerCallSid,
                workflow, RecoveryAttributes.reconnect(incident, null), step.policy.requeuePriority(), attempt, notBefore));
    }

    /** Leaving STRANDED: an attempt still waiting for its backoff is not made any more. */
    static void withdrawRescue(IncidentStep step, String why) {
        for (OutboxEntry entry : java.util.List.copyOf(step.incident.outbox)) {
            if (entry.isPending() && entry.effect() instanceof Effect.RescueCustomer) {
                step.settle(entry.effectId(), OutboxEntry.State.DONE, "withdrawn: " + why);
            }
        }
    }

    /**
     * The executor completes the reservation only if it is still {@code wrapping}. An agent who never answered the
     * ping has no desktop we know of (a live desktop accepts the ping by itself), so the executor sets them Offline
     * before the completion frees their capacity: otherwise TaskRouter, which leaves the activity as it is, offers the
     * requeued customer straight back to the dead desktop, where it waits out the reservation timeout (issue 21).
     * They become Available again only by choosing it on their desktop, which needs the desktop back.
     */
    static void freeAgent(IncidentStep step) {
        DroppedWorker worker = step.incident.droppedWorker;
        step.emit(new Effect.CompleteReservation(step.effectId("complete-reservation"), worker.taskSid(),
                worker.reservationSid(), worker.workerSid(), !pingWasAnswered(step)));
    }

    static void cancelPing(IncidentStep step, String reason) {
        if (step.incident.pingTaskSid != null && !pingWasAnswered(step)) {
            step.emit(new Effect.CancelTask(step.effectId("cancel-ping"), step.incident.pingTaskSid, reason));
        }
    }

    /** The agent's desktop came back: it answered the ping ({@code requeue}) or said so itself ({@code rejoin}). */
    static boolean pingWasAnswered(IncidentStep step) {
        return step.alreadyAskedFor(step.effectId("complete-ping")) || rejoined(step);
    }

    /** The server dialled the agent back into the conference ({@code rejoin}). */
    static boolean rejoined(IncidentStep step) {
        return step.incident.timestamps.containsKey(REJOINING);
    }

    static void cancelReconnect(IncidentStep step, String reason) {
        if (step.incident.reconnectTaskSid != null) {
            step.emit(new Effect.CancelTask(step.effectId("cancel-reconnect"), step.incident.reconnectTaskSid,
                    reason));
        }
    }

    static void endOldConference(IncidentStep step) {
        step.emit(new Effect.EndConference(step.effectId("end-conference"), step.incident.conferenceSid));
    }
}
