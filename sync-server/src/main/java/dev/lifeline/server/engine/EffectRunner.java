package dev.lifeline.server.engine;

import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one place effects run. Each is claimed through {@link EffectLeases} (a webhook thread here and a reconciler on
 * another member may both see it pending; only the claimant performs it), performed ({@link TwilioEffects} at
 * Twilio, the agent's notification through {@link AgentNotifier}), and its outcome recorded on the incident, which may
 * add further effects, run in turn. An effect that must be tried again later is released and left pending for the
 * reconciler. Everything runs on the caller's thread: moving effects off the request thread changes this class only.
 */
final class EffectRunner {

    private final IncidentStore incidents;
    private final TwilioEffects twilio;
    private final EffectLeases leases;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final AgentNotifier notifier;
    private final PhaseObserver phases;

    EffectRunner(IncidentStore incidents, TwilioEffects twilio, EffectLeases leases, RecoveryPolicy policy, Clock clock,
                 LifelineMetrics metrics, AgentNotifier notifier, PhaseObserver phases) {
        this.incidents = incidents;
        this.twilio = twilio;
        this.leases = leases;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.notifier = notifier;
        this.phases = phases;
    }

    /** Performs an incident's effects in order; each completion is recorded, which may add further effects. */
    void run(String incidentId, List<Effect> effects) {
        Deque<Effect> queue = new ArrayDeque<>(effects);
        while (!queue.isEmpty()) {
            Effect effect = queue.poll();
            if (effect instanceof Effect.RescueCustomer rescue && clock.instant().isBefore(rescue.notBefore())) {
                continue; // its backoff: a later reconciler sweep makes the attempt
            }
            if (!leases.tryClaim(effect.effectId())) {
                continue;
            }
            EffectOutcome outcome = effect instanceof Effect.NotifyAgent ? notifyAgent(incidentId) : twilio.perform(effect);
            RecoveryEvent report = switch (outcome.kind()) {
                case DONE -> new RecoveryEvent.EffectCompleted(effect.effectId(), outcome.detail());
                case FAILED -> new RecoveryEvent.EffectRefused(effect.effectId(), outcome.detail());
                case TARGET_GONE -> new RecoveryEvent.EffectFailedPermanently(effect.effectId(), outcome.detail());
                case RETRY_LATER -> null;
            };
            if (outcome.kind() == EffectOutcome.Kind.FAILED || outcome.kind() == EffectOutcome.Kind.TARGET_GONE) {
                metrics.effectFailed(effect.getClass().getSimpleName(),
                        outcome.kind() == EffectOutcome.Kind.FAILED ? "refused" : "gone");
            }
            if (report == null) {
                leases.release(effect.effectId());
                continue;
            }
            AppliedIncident applied = incidents.apply(incidentId, report, clock.instant(), policy);
            phases.observe(applied);
            queue.addAll(applied.newEffects());
        }
    }

    /**
     * Conference-level effects (flag corrections, ending after a hang-up) belong to no incident: nothing records their
     * outcome, and one to try again later is released for whoever sees it next.
     */
    void runUnbound(List<Effect> effects) {
        for (Effect effect : effects) {
            if (leases.tryClaim(effect.effectId())) {
                EffectOutcome outcome = effect instanceof Effect.NotifyAgent ? EffectOutcome.done("no incident to tell of")
                        : twilio.perform(effect);
                if (outcome.kind() == EffectOutcome.Kind.RETRY_LATER) {
                    leases.release(effect.effectId());
                }
            }
        }
    }

    /** The desktop is told of the incident as it is now, which may be newer than the notification's snapshot. */
    private EffectOutcome notifyAgent(String incidentId) {
        incidents.get(incidentId).ifPresent(notifier::incidentChanged);
        return EffectOutcome.done("notified");
    }
}
