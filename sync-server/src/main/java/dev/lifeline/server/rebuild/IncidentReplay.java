package dev.lifeline.server.rebuild;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.recovery.Transition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rebuilds a lost incident by replaying, through the pure {@link RecoveryStateMachine}, the history that Twilio's
 * state proves: the drop (from the ping's {@code disconnected*} snapshot), the ping's creation, its acceptance or
 * TTL, the reconnect entering the queue or being accepted. Effects that Twilio shows as done are settled as
 * done, so they are not performed again; the rest stay pending for the reconciler. The result is therefore the
 * same incident the engine would hold had nothing been lost, give or take effects that are safe to repeat
 * (completing a task or a reservation, merging attributes). No I/O: the evidence comes in, the incident goes out.
 */
final class IncidentReplay {

    static final String REBUILT = "rebuilt from Twilio state";

    private final RecoveryPolicy policy;
    private Incident incident;

    private IncidentReplay(RecoveryPolicy policy) {
        this.policy = policy;
    }

    /**
     * @return the incident to restore, or empty when there is nothing left to recover (the customer hung up, or
     * the recovery had ended and nothing of it is still to be done)
     */
    static Optional<Incident> replay(IncidentEvidence evidence, RecoveryPolicy policy, Instant now) {
        if (!evidence.customerOnTheLine()) {
            return Optional.empty();
        }
        IncidentReplay replay = new IncidentReplay(policy);
        replay.detect(evidence, now);
        replay.ping(evidence, now);
        replay.reconnect(evidence, now);
        Incident rebuilt = replay.incident;
        boolean workLeft = rebuilt.pendingEffects().stream().anyMatch(effect -> !(effect instanceof Effect.NotifyAgent));
        return rebuilt.isTerminal() && !workLeft ? Optional.empty() : Optional.of(rebuilt);
    }

    /**
     * The incident a drop opens, from the events {@code DropDetection.redetect} derived from a surviving conference
     * record: nothing of it is proven done, so every effect stays pending.
     */
    static Optional<Incident> replayDrop(List<RecoveryEvent> drop, RecoveryPolicy policy, Instant now) {
        IncidentReplay replay = new IncidentReplay(policy);
        drop.forEach(event -> replay.apply(event, now));
        return Optional.ofNullable(replay.incident);
    }

    /** The drop, with its announcement, hold music and task tag done: the ping exists, so they ran before it. */
    private void detect(IncidentEvidence evidence, Instant now) {
        TaskAttributes attributes = evidence.recoveryAttributes();
        TaskAttributes dropped = evidence.droppedTaskAttributes();
        String customer = required(attributes, RecoveryAttributes.CALL_SID);
        DroppedWorker worker = new DroppedWorker(required(attributes, "disconnectedWorkerSid"),
                attributes.string("disconnectedWorkerName").orElse(null), required(attributes, "disconnectedCallSid"),
                required(attributes, "disconnectedTaskSid"), required(attributes, "disconnectedReservationSid"),
                required(attributes, "disconnectedTaskWorkflowSid"), dropped);
        String previousIncidentId = dropped.string(RecoveryAttributes.LIFELINE_INCIDENT)
                .filter(previous -> !previous.equals(evidence.incidentId())).orElse(null);
        // Our own clock wrote disconnectedTime; Twilio's date_created is another clock, so deadlines count from ours.
        Instant detectedAt = attributes.string(RecoveryAttributes.DISCONNECTED_TIME).flatMap(IncidentReplay::instant)
                .orElse(now);
        apply(new RecoveryEvent.DropDetected(evidence.incidentId(),
                attributes.string(RecoveryAttributes.LIFELINE_INTERACTION).orElse(null),
                attributes.number(RecoveryAttributes.LIFELINE_ATTEMPT).map(Long::intValue).orElse(1), previousIncidentId,
                required(attributes, "disconnectedConferenceSid"), worker, customer,
                remainingParties(evidence, customer)), detectedAt);
        if (evidence.ping() != null) {
            settle(effect -> !(effect instanceof Effect.CreatePingTask), detectedAt);
            // Completing CreatePingTask with the task SID is what moves the incident to PINGING. The ping was created
            // within moments of the drop: its TTL is counted from the drop, a little early rather than late.
            pending(effect -> effect instanceof Effect.CreatePingTask).forEach(effect ->
                    apply(new RecoveryEvent.EffectCompleted(effect.effectId(), evidence.ping().sid()), detectedAt));
        }
    }

    private void ping(IncidentEvidence evidence, Instant now) {
        IncidentEvidence.TaskFact ping = evidence.ping();
        if (ping == null || incident.phase() != Phase.PINGING) {
            return;
        }
        boolean reconnectExists = evidence.reconnect() != null;
        if (ping.accepted()) {
            apply(new RecoveryEvent.PingAccepted(ping.sid()), now);
            if (reconnectExists) {
                settle(effect -> effect instanceof Effect.RedirectCustomerToEnqueue || effect instanceof Effect.StartHoldMusic
                        || effect instanceof Effect.SetEndConferenceOnExit, now);
            }
            if (evidence.droppedTaskAttributes().has(RecoveryAttributes.WAS_PING_SUCCESSFUL)) {
                settle(effect -> effect instanceof Effect.MergeTaskAttributes, now);
            }
        } else if (ping.canceled()) {
            apply(new RecoveryEvent.PingCanceled(ping.sid(), REBUILT), now);
            if (reconnectExists) {
                settle(effect -> effect instanceof Effect.RedirectCustomerToEnqueue, now);
            }
        }
    }

    private void reconnect(IncidentEvidence evidence, Instant now) {
        IncidentEvidence.TaskFact reconnect = evidence.reconnect();
        if (reconnect == null || incident.phase() != Phase.RECONNECT_ENQUEUED || !reconnect.targeted()) {
            return;
        }
        apply(new RecoveryEvent.ReconnectTaskCreated(reconnect.sid()), now);
        IncidentEvidence.Acceptance accepted = evidence.reconnectAcceptance();
        if (reconnect.waiting()) {
            apply(new RecoveryEvent.ReconnectEnteredQueue(reconnect.sid()), now);
        } else if (reconnect.accepted() && accepted != null) {
            apply(new RecoveryEvent.ReconnectAccepted(reconnect.sid(), accepted.reservationSid(), accepted.workerSid(),
                    accepted.newConferenceSid(), null), now);
            // A party already in the new conference was moved before the loss: re-dialling it would drop it.
            settle(effect -> effect instanceof Effect.MoveParty move && evidence.callsInNewConference().contains(move.callSid()), now);
        }
    }

    /** Everyone still in the old conference, and the customer even if the reconnect already took them out of it. */
    private static List<PartySnapshot> remainingParties(IncidentEvidence evidence, String customer) {
        List<PartySnapshot> parties = new ArrayList<>(evidence.partiesInOldConference());
        if (parties.stream().noneMatch(party -> party.callSid().equals(customer))) {
            parties.add(new PartySnapshot(customer, PartyRole.CUSTOMER, null, false, false, true));
        }
        parties.sort(Comparator.comparing(PartySnapshot::callSid));
        return parties;
    }

    private void apply(RecoveryEvent event, Instant at) {
        Transition transition = RecoveryStateMachine.apply(incident, event, at, policy);
        if (transition.next() != null) {
            incident = transition.next();
        }
    }

    private List<Effect> pending(Predicate<Effect> which) {
        return incident.outbox().stream().filter(OutboxEntry::isPending).map(OutboxEntry::effect)
                .filter(which).toList();
    }

    /** Marks pending effects Twilio shows as done; agent notifications stay pending so desktops hear of the rebuild. */
    private void settle(Predicate<Effect> which, Instant at) {
        pending(which.and(effect -> !(effect instanceof Effect.NotifyAgent))).forEach(effect ->
                apply(new RecoveryEvent.EffectCompleted(effect.effectId(), REBUILT), at));
    }

    private static String required(TaskAttributes attributes, String name) {
        return attributes.string(name).orElseThrow(() ->
                new IllegalArgumentException("recovery task attributes lack " + name + ": cannot rebuild the incident"));
    }

    private static Optional<Instant> instant(String iso) {
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
