package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to an incident. Webhook handlers translate Twilio callbacks into these and route
 * them to the incident named by the task attribute {@code lifelineIncident} (ping and reconnect tasks) or
 * by the customer call SID (hang-ups). Every event may arrive twice, late or out of order: the state
 * machine makes that harmless.
 */
public sealed interface RecoveryEvent extends Serializable {

    /**
     * The last agent leg left a conference without a graceful hang-up while the customer stayed: opens
     * an incident. Built by the conference state machine; {@code interactionId} and {@code attempt} carry
     * over from the dropped agent's task attributes when that task was itself a reconnect.
     *
     * @param previousIncidentId the incident of the previous attempt, or {@code null} on a first drop
     */
    record DropDetected(
            String incidentId,
            String interactionId,
            int attempt,
            String previousIncidentId,
            String conferenceSid,
            DroppedWorker droppedWorker,
            String customerCallSid,
            List<PartySnapshot> remainingParties) implements RecoveryEvent {

        public DropDetected {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(conferenceSid, "conferenceSid");
            Objects.requireNonNull(droppedWorker, "droppedWorker");
            Objects.requireNonNull(customerCallSid, "customerCallSid");
            interactionId = interactionId == null ? incidentId : interactionId;
            attempt = Math.max(1, attempt);
            remainingParties = List.copyOf(remainingParties);
        }
    }

    /** The gateway created the Recovery Ping task (also implied by completing the CreatePingTask effect). */
    record PingTaskCreated(String pingTaskSid) implements RecoveryEvent {
        public PingTaskCreated {
            Objects.requireNonNull(pingTaskSid, "pingTaskSid");
        }
    }

    /** {@code reservation.accepted} on the ping task: the agent's desktop is back. */
    record PingAccepted(String pingTaskSid) implements RecoveryEvent {
        public PingAccepted {
            Objects.requireNonNull(pingTaskSid, "pingTaskSid");
        }
    }

    /**
     * Strategy {@code rejoin}: the dropped agent's desktop is back — signed in as {@code workerSid}'s agent, its phone
     * registered — and says so for this incident. The desktop layer fills in where to dial the agent.
     *
     * @param label   the label the agent's leg carries in the conference (the agent's identity, as on the original leg)
     * @param address the agent's SIP address (their worker's {@code contact_uri})
     * @param from    who the call appears to come from (the customer's number, as on the original call)
     */
    record AgentBack(String workerSid, String label, String address, String from) implements RecoveryEvent {
        public AgentBack {
            Objects.requireNonNull(workerSid, "workerSid");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Strategy {@code rejoin}: a leg with the dropped agent's label joined the conference under recovery: the agent is
     * back on the call. Built by the conference state machine.
     */
    record AgentRejoined(String incidentId, String callSid) implements RecoveryEvent {
        public AgentRejoined {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(callSid, "callSid");
        }
    }

    /** {@code task.canceled} on the ping task; TaskRouter's TTL expiry gives the reason "Task TTL Exceeded". */
    record PingCanceled(String pingTaskSid, String reason) implements RecoveryEvent {
        public PingCanceled {
            Objects.requireNonNull(pingTaskSid, "pingTaskSid");
        }
    }

    /** {@code task.created} of the task the customer's {@code <Enqueue>} produced. */
    record ReconnectTaskCreated(String reconnectTaskSid) implements RecoveryEvent {
        public ReconnectTaskCreated {
            Objects.requireNonNull(reconnectTaskSid, "reconnectTaskSid");
        }
    }

    /**
     * {@code task-queue.entered} of the reconnect task. Only now may the dropped agent's wrapping
     * reservation be completed: the agent's voice capacity frees up while the priority-1000 reconnect is
     * already queued for them, so no ordinary call can grab the agent first (seed §3.2).
     */
    record ReconnectEnteredQueue(String reconnectTaskSid) implements RecoveryEvent {
        public ReconnectEnteredQueue {
            Objects.requireNonNull(reconnectTaskSid, "reconnectTaskSid");
        }
    }

    /**
     * {@code reservation.accepted} of the reconnect task, by the dropped agent or by anyone else.
     *
     * @param newConferenceSid   may be {@code null}: the conference exists only once someone joined
     * @param newConferenceName  the friendly name to dial into; TaskRouter's conference instruction names
     *                           the conference after the task SID, which is the default when {@code null}
     */
    record ReconnectAccepted(
            String reconnectTaskSid,
            String reservationSid,
            String workerSid,
            String newConferenceSid,
            String newConferenceName) implements RecoveryEvent {

        public ReconnectAccepted {
            Objects.requireNonNull(reconnectTaskSid, "reconnectTaskSid");
            Objects.requireNonNull(reservationSid, "reservationSid");
            Objects.requireNonNull(workerSid, "workerSid");
            newConferenceName = newConferenceName == null ? reconnectTaskSid : newConferenceName;
        }
    }

    /** The reconnect left the dropped agent's known-worker step (step timeout) and is offered to someone else. */
    record ReconnectAssignedElsewhere(String reconnectTaskSid, String otherWorkerSid) implements RecoveryEvent {
        public ReconnectAssignedElsewhere {
            Objects.requireNonNull(reconnectTaskSid, "reconnectTaskSid");
        }
    }

    /**
     * A party joined the conference being recovered after the drop (e.g. a third party the previous attempt
     * was still moving in). It is added to the remaining parties so the reconnect brings it along too.
     */
    record PartyJoined(String incidentId, PartySnapshot party) implements RecoveryEvent {
        public PartyJoined {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(party, "party");
        }
    }

    /** Every remaining party has been moved into the new conference (or found gone). */
    record PartiesMoved() implements RecoveryEvent {
    }

    /** The customer hung up (participant-leave with {@code participant_hung_up}, or the call completed). */
    record CustomerLeft(String customerCallSid) implements RecoveryEvent {
    }

    /**
     * The agent leg that the reconnect of {@code previousIncidentId} produced dropped as well. The conference
     * state machine opens attempt n+1 as its own incident ({@code nextIncidentId}); route this event to
     * {@code previousIncidentId}, which learns it was superseded (and keeps moving its parties).
     */
    record WorkerDroppedAgain(String previousIncidentId, String nextIncidentId, String workerCallSid)
            implements RecoveryEvent {
        public WorkerDroppedAgain {
            Objects.requireNonNull(previousIncidentId, "previousIncidentId");
            Objects.requireNonNull(nextIncidentId, "nextIncidentId");
        }
    }

    /** The watchdog's tick: {@code now} is the reconciler's clock reading, not read inside the machine. */
    record DeadlinePassed(Instant now) implements RecoveryEvent {
        public DeadlinePassed {
            Objects.requireNonNull(now, "now");
        }
    }

    /** A supervisor ended the recovery from the live panel; the customer goes back to the queue. */
    record CancelledBySupervisor(String supervisor) implements RecoveryEvent {
    }

    /** The executor performed an outbox effect; {@code outcome} is e.g. the SID it created. */
    record EffectCompleted(String effectId, String outcome) implements RecoveryEvent {
        public EffectCompleted {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * The executor gave up on an effect because what it acts on is gone (Twilio said the call is no longer in
     * progress): for a redirect of the customer, that means the customer left.
     */
    record EffectFailedPermanently(String effectId, String why) implements RecoveryEvent {
        public EffectFailedPermanently {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Twilio refused an effect for good (a 4xx: the call or task is unknown to the account, a parameter is invalid)
     * while what it acts on may still be there: retrying the same request cannot help, and for a redirect of the
     * customer it means the customer is on the line in no queue.
     */
    record EffectRefused(String effectId, String why) implements RecoveryEvent {
        public EffectRefused {
            Objects.requireNonNull(effectId, "effectId");
        }
    }
}
