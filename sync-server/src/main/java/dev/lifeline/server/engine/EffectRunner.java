package dev.lifeline.server.engine;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.timers.DaemonPool;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.MDC;

/**
 * The one place effects run. Each is claimed through {@link EffectLeases} (a webhook thread here and a reconciler on
 * another member may both see it pending; only the claimant performs it), performed ({@link TwilioEffects} at
 * Twilio, the agent's notification through {@link AgentNotifier}), and its outcome recorded on the incident, which may
 * add further effects, run in turn. An effect that must be tried again later is released and left pending for the
 * reconciler.
 *
 * <p>Nothing runs on the caller's thread: a webhook is answered while its effects run in the incident's lane
 * ({@link IncidentLanes}), in order. The parties to move into the new conference are moved side by side, each one's
 * Twilio requests beside the others', instead of one after another.
 */
final class EffectRunner implements AutoCloseable {

    /** Lanes for incidents (a webhook's effects wait here, not on Twilio's request); a few, as the machine is small. */
    private static final int LANE_THREADS = 4;
    /** Moves of one incident's parties at once (a conference rarely has more besides the agent and customer). */
    private static final int MOVE_THREADS = 4;

    private final IncidentStore incidents;
    private final TwilioEffects twilio;
    private final EffectLeases leases;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final AgentNotifier notifier;
    private final PhaseObserver phases;
    private final IncidentLanes lanes = new IncidentLanes("effects", LANE_THREADS);
    private final ExecutorService moves = DaemonPool.named("effects-move", MOVE_THREADS);

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

    /** Performs an incident's effects in order, in its lane; each completion is recorded, which may add further effects. */
    void run(String incidentId, List<Effect> effects) {
        if (!effects.isEmpty()) {
            lanes.submit(incidentId, () -> runNow(incidentId, effects));
        }
    }

    /**
     * Conference-level effects (flag corrections, ending after a hang-up) belong to no incident: nothing records their
     * outcome, and one to try again later is released for whoever sees it next.
     */
    void runUnbound(List<Effect> effects) {
        if (!effects.isEmpty()) {
            runUnbound(effects.get(0).effectId(), effects);
        }
    }

    /** As {@link #runUnbound(List)}, after the work submitted earlier for {@code lane} (one person's actions in order). */
    void runUnbound(String lane, List<Effect> effects) {
        if (!effects.isEmpty()) {
            lanes.submit(lane, () -> runUnboundNow(effects));
        }
    }

    /** True when no effect is queued or running on this member (tests wait for it instead of sleeping). */
    boolean idle() {
        return lanes.idle();
    }

    private void runNow(String incidentId, List<Effect> effects) {
        MDC.put("incidentId", incidentId);
        try {
            Deque<Effect> queue = new ArrayDeque<>(effects);
            while (!queue.isEmpty()) {
                List<Effect> claimed = new ArrayList<>();
                for (Effect effect : nextBatch(queue)) {
                    if (due(effect) && leases.tryClaim(effect.effectId(), TwilioEffects.deadHolderGrace(effect))) {
                        claimed.add(effect);
                    }
                }
                List<EffectOutcome> outcomes = performAll(incidentId, claimed);
                for (int i = 0; i < claimed.size(); i++) {
                    queue.addAll(record(incidentId, claimed.get(i), outcomes.get(i)));
                }
            }
        } finally {
            MDC.remove("incidentId");
        }
    }

    /** The next effect; the parties' moves that follow one another in the outbox go together. */
    private static List<Effect> nextBatch(Deque<Effect> queue) {
        Effect first = queue.poll();
        List<Effect> batch = new ArrayList<>(List.of(first));
        while (first instanceof Effect.MoveParty && queue.peek() instanceof Effect.MoveParty) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /** A rescue waits out its backoff: a later reconciler sweep makes the attempt. */
    private boolean due(Effect effect) {
        return !(effect instanceof Effect.RescueCustomer rescue && clock.instant().isBefore(rescue.notBefore()));
    }

    private List<EffectOutcome> performAll(String incidentId, List<Effect> claimed) {
        if (claimed.size() == 1) {
            return List.of(perform(incidentId, claimed.get(0)));
        }
        List<CompletableFuture<EffectOutcome>> running = claimed.stream()
                .map(effect -> CompletableFuture.supplyAsync(() -> performLogged(incidentId, effect), moves))
                .toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private EffectOutcome performLogged(String incidentId, Effect effect) {
        MDC.put("incidentId", incidentId);
        try {
            return perform(incidentId, effect);
        } finally {
            MDC.remove("incidentId");
        }
    }

    private EffectOutcome perform(String incidentId, Effect effect) {
        return effect instanceof Effect.NotifyAgent notify ? notifyAgent(incidentId, notify) : twilio.perform(effect);
    }

    /** Records the outcome on the incident; returns the effects that adds. */
    private List<Effect> record(String incidentId, Effect effect, EffectOutcome outcome) {
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
            return List.of();
        }
        leases.settled(effect.effectId());
        AppliedIncident applied = incidents.apply(incidentId, report, clock.instant(), policy);
        phases.observe(applied);
        afterPhaseChange(applied);
        return applied.newEffects();
    }

    /**
     * A recovery that is over gives an agent it moved to Lifeline Recovery back their chosen activity; in the incident's
     * lane, after the effects asked for before it. Not an outbox effect: it is safe to repeat, and an agent left in the
     * available recovery activity by a member that died is where an Available agent would be.
     */
    void afterPhaseChange(AppliedIncident applied) {
        Incident incident = applied.incident();
        if (applied.phaseChanged() && (incident.isTerminal() || incident.phase() == Phase.STRANDED)) {
            lanes.submit(incident.incidentId(), () -> twilio.returnToChosenActivity(incident));
        }
    }

    private void runUnboundNow(List<Effect> effects) {
        for (Effect effect : effects) {
            if (leases.tryClaim(effect.effectId())) {
                EffectOutcome outcome = effect instanceof Effect.NotifyAgent ? EffectOutcome.done("no incident to tell of")
                        : twilio.perform(effect);
                if (outcome.kind() == EffectOutcome.Kind.RETRY_LATER) {
                    leases.release(effect.effectId());
                } else {
                    leases.settled(effect.effectId());
                }
            }
        }
    }

    /**
     * The phase's one notification, cluster-wide (the claim): the dropped agent and the supervisors, or the other agent
     * it names. The incident as it is now, which may be newer than the notification's snapshot.
     */
    private EffectOutcome notifyAgent(String incidentId, Effect.NotifyAgent notify) {
        incidents.get(incidentId).ifPresent(incident -> tell(notify.workerSid(), incident));
        return EffectOutcome.done("notified");
    }

    private void tell(String workerSid, Incident incident) {
        if (workerSid.equals(incident.droppedWorker().workerSid())) {
            notifier.incidentChanged(incident);
        } else {
            notifier.tellAgent(workerSid, incident);
        }
    }

    @Override
    public void close() {
        lanes.close();
        moves.shutdownNow();
    }
}
