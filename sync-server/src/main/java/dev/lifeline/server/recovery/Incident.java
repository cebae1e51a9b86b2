package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recovery attempt of one interaction, keyed by {@link IncidentIds#incidentId conference SID + dropped
 * agent leg}. Immutable; {@link RecoveryStateMachine} derives the next version. {@code version} grows by
 * one on every change, so a stale copy can always be told from a newer one (merge policies, CAS writes).
 *
 * @param previousIncidentId the attempt before this one of the same interaction, or {@code null}
 * @param supersededBy       the next attempt's incident, once the reconnected leg dropped too
 * @param pingDeadline       when the ping's TTL runs out; the watchdog requeues a little after it even if
 *                           TaskRouter's {@code task.canceled} never arrives
 * @param outbox             every effect ever asked for, with its state; ids are unique
 * @param strandedFrom       the phase the incident was in when Twilio refused to put the customer in a queue (an
 *                           exit such as REQUEUED that therefore never happened, or RECONNECT_ENQUEUED); null unless
 *                           the incident went through {@link Phase#STRANDED}
 */
public record Incident(
        String incidentId,
        String interactionId,
        int attempt,
        String previousIncidentId,
        Phase phase,
        String conferenceSid,
        DroppedWorker droppedWorker,
        String customerCallSid,
        List<PartySnapshot> remainingParties,
        String pingTaskSid,
        String reconnectTaskSid,
        String reconnectReservationSid,
        String reconnectWorkerSid,
        String newConferenceSid,
        String newConferenceName,
        String supersededBy,
        Instant deadline,
        Instant pingDeadline,
        Map<Phase, Instant> timestamps,
        List<OutboxEntry> outbox,
        long version,
        Phase strandedFrom) implements Serializable {

    public Incident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(droppedWorker, "droppedWorker");
        remainingParties = List.copyOf(remainingParties);
        timestamps = Map.copyOf(timestamps);
        outbox = List.copyOf(outbox);
    }

    public boolean isTerminal() {
        return phase.isTerminal();
    }

    /**
     * Nothing left to do: terminal, and every effect it asked for settled. Only a finished incident may expire
     * (a terminal one with pending effects still has Twilio work for the reconciler).
     */
    public boolean finished() {
        return isTerminal() && outbox.stream().noneMatch(OutboxEntry::isPending);
    }

    /**
     * This incident without its working state (remaining parties, outbox): who dropped, the customer, the phase
     * and its timestamps, which is what a list of outcomes shows.
     */
    public Incident outcome() {
        return new Incident(incidentId, interactionId, attempt, previousIncidentId, phase, conferenceSid, droppedWorker,
                customerCallSid, List.of(), pingTaskSid, reconnectTaskSid, reconnectReservationSid, reconnectWorkerSid,
                newConferenceSid, newConferenceName, supersededBy, deadline, pingDeadline, timestamps, List.of(), version,
                strandedFrom);
    }

    public List<Effect> pendingEffects() {
        return outbox.stream().filter(OutboxEntry::isPending).map(OutboxEntry::effect).toList();
    }

    public Optional<OutboxEntry> outboxEntry(String effectId) {
        return outbox.stream().filter(entry -> entry.effectId().equals(effectId)).findFirst();
    }

    /** The remaining parties other than the customer: the ones that must be moved to the new conference. */
    public List<PartySnapshot> partiesToMove() {
        return remainingParties.stream().filter(party -> party.role() != PartyRole.CUSTOMER).toList();
    }

    public IncidentSnapshot snapshot() {
        return IncidentSnapshot.of(this);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable working copy used by the state machine within one transition. */
    static final class Builder {
        String incidentId;
        String interactionId;
        int attempt;
        String previousIncidentId;
        Phase phase;
        String conferenceSid;
        DroppedWorker droppedWorker;
        String customerCallSid;
        List<PartySnapshot> remainingParties;
        String pingTaskSid;
        String reconnectTaskSid;
        String reconnectReservationSid;
        String reconnectWorkerSid;
        String newConferenceSid;
        String newConferenceName;
        String supersededBy;
        Instant deadline;
        Instant pingDeadline;
        final Map<Phase, Instant> timestamps = new EnumMap<>(Phase.class);
        final List<OutboxEntry> outbox = new ArrayList<>();
        long version;
        Phase strandedFrom;

        Builder() {
        }

        Builder(Incident source) {
            incidentId = source.incidentId;
            interactionId = source.interactionId;
            attempt = source.attempt;
            previousIncidentId = source.previousIncidentId;
            phase = source.phase;
            conferenceSid = source.conferenceSid;
            droppedWorker = source.droppedWorker;
            customerCallSid = source.customerCallSid;
            remainingParties = source.remainingParties;
            pingTaskSid = source.pingTaskSid;
            reconnectTaskSid = source.reconnectTaskSid;
            reconnectReservationSid = source.reconnectReservationSid;
            reconnectWorkerSid = source.reconnectWorkerSid;
            newConferenceSid = source.newConferenceSid;
            newConferenceName = source.newConferenceName;
            supersededBy = source.supersededBy;
            deadline = source.deadline;
            pingDeadline = source.pingDeadline;
            timestamps.putAll(source.timestamps);
            outbox.addAll(source.outbox);
            version = source.version;
            strandedFrom = source.strandedFrom;
        }

        boolean partiesToMoveIsEmpty() {
            return remainingParties.stream().allMatch(party -> party.role() == PartyRole.CUSTOMER);
        }

        Incident build() {
            return new Incident(incidentId, interactionId, attempt, previousIncidentId, phase, conferenceSid,
                    droppedWorker, customerCallSid, remainingParties, pingTaskSid, reconnectTaskSid,
                    reconnectReservationSid, reconnectWorkerSid, newConferenceSid, newConferenceName, supersededBy,
                    deadline, pingDeadline, timestamps, outbox, version, strandedFrom);
        }
    }
}
