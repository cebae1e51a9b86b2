package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives one incident through a sequence of events and keeps every effect it produced. */
final class Scenario {

    private final RecoveryPolicy policy;
    private Incident incident;
    private Instant now = Fixtures.T0;
    private final List<Effect> allEffects = new ArrayList<>();
    private List<Effect> lastEffects = List.of();
    private Transition lastTransition;

    Scenario(RecoveryPolicy policy) {
        this.policy = policy;
    }

    static Scenario start() {
        return new Scenario(Fixtures.POLICY);
    }

    static Scenario twoParty() {
        return start().apply(Fixtures.twoPartyDrop());
    }

    static Scenario threeParty() {
        return start().apply(Fixtures.threePartyDrop());
    }

    Scenario apply(RecoveryEvent event) {
        Incident before = incident;
        lastTransition = RecoveryStateMachine.apply(before, event, now, policy);
        incident = lastTransition.next();
        lastEffects = lastTransition.newEffects();
        allEffects.addAll(lastEffects);
        return this;
    }

    Scenario after(Duration elapsed) {
        now = Fixtures.T0.plus(elapsed);
        return this;
    }

    Scenario pinging() {
        return apply(new RecoveryEvent.PingTaskCreated(Fixtures.PING_TASK));
    }

    Scenario pingAccepted() {
        return pinging().apply(new RecoveryEvent.PingAccepted(Fixtures.PING_TASK));
    }

    Scenario reconnectQueued() {
        return pingAccepted()
                .apply(new RecoveryEvent.ReconnectTaskCreated(Fixtures.RECONNECT_TASK))
                .apply(new RecoveryEvent.ReconnectEnteredQueue(Fixtures.RECONNECT_TASK));
    }

    Scenario reconnected() {
        return reconnectQueued().apply(Fixtures.reconnectAcceptedBy(Fixtures.ALICE));
    }

    /** Reports every pending effect as done, as a healthy executor would, including effects that causes. */
    Scenario executorCompletesEverything() {
        for (int round = 0; round < 10 && !incident.pendingEffects().isEmpty(); round++) {
            for (Effect effect : incident.pendingEffects()) {
                String outcome = effect instanceof Effect.CreatePingTask ? Fixtures.PING_TASK : "ok";
                apply(new RecoveryEvent.EffectCompleted(effect.effectId(), outcome));
            }
        }
        return this;
    }

    Incident incident() {
        return incident;
    }

    Phase phase() {
        return incident.phase();
    }

    Transition lastTransition() {
        return lastTransition;
    }

    List<Effect> lastEffects() {
        return lastEffects;
    }

    List<Effect> allEffects() {
        return allEffects;
    }

    <T extends Effect> List<T> all(Class<T> type) {
        return allEffects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Effect> List<T> last(Class<T> type) {
        return lastEffects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Effect> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " but got " + found);
        }
        return found.get(0);
    }

    /** The phases the given agent's desktop was told about, in order. */
    List<Phase> phasesToldTo(String workerSid) {
        return all(Effect.NotifyAgent.class).stream()
                .filter(notify -> notify.workerSid().equals(workerSid))
                .map(notify -> notify.incident().phase())
                .toList();
    }
}
