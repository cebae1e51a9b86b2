package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The working state of one transition: a mutable copy of the incident, the effects added so far and the
 * agents to notify. Effects are added at most once per id over the incident's whole life, which is what
 * makes every handler idempotent without bookkeeping of its own.
 */
final class IncidentStep {

    final Incident before;
    final Incident.Builder incident;
    final Instant now;
    final RecoveryPolicy policy;
    private final List<Effect> newEffects = new ArrayList<>();
    private final Set<String> agentsToNotify = new LinkedHashSet<>();

    IncidentStep(Incident before, Incident.Builder incident, Instant now, RecoveryPolicy policy) {
        this.before = before;
        this.incident = incident;
        this.now = now;
        this.policy = policy;
    }

    Phase phase() {
        return incident.phase;
    }

    String effectId(String kind) {
        return IncidentIds.effectId(incident, kind, null);
    }

    String effectId(String kind, String discriminator) {
        return IncidentIds.effectId(incident, kind, discriminator);
    }

    boolean alreadyAskedFor(String effectId) {
        return incident.outbox.stream().anyMatch(entry -> entry.effectId().equals(effectId));
    }

    /** Adds the effect unless one with the same id was ever asked for. */
    void emit(Effect effect) {
        if (!alreadyAskedFor(effect.effectId())) {
            incident.outbox.add(OutboxEntry.pending(effect));
            newEffects.add(effect);
        }
    }

    /**
     * Enters {@code phase}, stamps it (first time only, except on leaving STRANDED: an exit that was claimed before the
     * customer got stranded really happens now) and tells the dropped agent.
     */
    void moveTo(Phase phase) {
        if (incident.phase == Phase.STRANDED) {
            incident.timestamps.put(phase, now);
        } else {
            incident.timestamps.putIfAbsent(phase, now);
        }
        incident.phase = phase;
        notifyAgent(incident.droppedWorker.workerSid());
    }

    void notifyAgent(String workerSid) {
        if (workerSid != null) {
            agentsToNotify.add(workerSid);
        }
    }

    /**
     * Tells the dropped agent of the phase the incident is in now, ahead of the effects emitted after this call (the
     * end of the step would tell them after every effect of the step; it does not tell them twice).
     */
    void notifyDroppedAgentNow() {
        long previousVersion = before == null ? 0 : before.version();
        incident.version = previousVersion + 1;
        IncidentSnapshot snapshot = incident.build().snapshot();
        incident.version = previousVersion;
        String workerSid = incident.droppedWorker.workerSid();
        emit(new Effect.NotifyAgent(effectId("notify-agent", snapshot.phase() + "/" + workerSid), workerSid, snapshot));
    }

    void settle(String effectId, OutboxEntry.State state, String outcome) {
        for (int i = 0; i < incident.outbox.size(); i++) {
            OutboxEntry entry = incident.outbox.get(i);
            if (entry.effectId().equals(effectId) && entry.isPending()) {
                incident.outbox.set(i, entry.settled(state, outcome));
            }
        }
    }

    /**
     * Closes the step: unchanged input comes back as the very same object; otherwise the version goes up by
     * one and the agent notifications carry a snapshot of exactly that version.
     */
    Transition finish() {
        long previousVersion = before == null ? 0 : before.version();
        incident.version = previousVersion + 1;
        IncidentSnapshot snapshot = incident.build().snapshot();
        for (String workerSid : agentsToNotify) {
            emit(new Effect.NotifyAgent(effectId("notify-agent", snapshot.phase() + "/" + workerSid), workerSid, snapshot));
        }
        incident.version = previousVersion;
        if (before != null && incident.build().equals(before)) {
            return Transition.unchanged(before);
        }
        incident.version = previousVersion + 1;
        return new Transition(incident.build(), newEffects);
    }
}
