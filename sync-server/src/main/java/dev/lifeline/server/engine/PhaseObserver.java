package dev.lifeline.server.engine;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an incident's move to a new phase means outside the incident: a log line and the metrics; a customer left
 * stranded in no queue is an ERROR. The people are told by the phase's {@code NotifyAgent} effect, once cluster-wide
 * ({@link EffectRunner}), not here as well: every phase change reached the dropped agent's desktop twice.
 */
final class PhaseObserver {

    private static final Logger log = LoggerFactory.getLogger(RecoveryEngine.class);

    private final LifelineMetrics metrics;
    private final Clock clock;
    /** Features that act on a phase (issue 20: a customer who left gets a callback); each must be idempotent. */
    private final java.util.List<java.util.function.Consumer<Incident>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    PhaseObserver(LifelineMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    void listen(java.util.function.Consumer<Incident> listener) {
        listeners.add(listener);
    }

    void observe(AppliedIncident applied) {
        if (!applied.phaseChanged()) {
            return;
        }
        Incident incident = applied.incident();
        for (java.util.function.Consumer<Incident> listener : listeners) {
            try {
                listener.accept(incident);
            } catch (RuntimeException e) {
                log.warn("a listener of incident {}'s move to {} failed: {}", incident.incidentId(), incident.phase(),
                        e.getMessage());
            }
        }
        log.info("incident {} is now {} (attempt {})", incident.incidentId(), incident.phase(), incident.attempt());
        if (applied.previousPhase() == null) {
            metrics.incidentOpened();
        }
        Instant detected = incident.timestamps().get(Phase.DETECTED);
        if (detected != null) {
            metrics.phaseReached(incident.phase().name(), Duration.between(detected, clock.instant()));
        }
        if (incident.phase() == Phase.STRANDED) {
            metrics.customerStranded();
            log.error("customer {} of incident {} is on the line in no queue: {}; queueing them on the voice workflow "
                    + "until they are queued or hang up, supervisors alerted", incident.customerCallSid(),
                    incident.incidentId(), refusal(incident));
        } else if (applied.previousPhase() == Phase.STRANDED) {
            log.info("stranded customer {} of incident {}: now {}", incident.customerCallSid(), incident.incidentId(),
                    incident.phase());
        }
        boolean finishedBefore = applied.previousPhase() == Phase.STRANDED && incident.strandedFrom() != null
                && incident.strandedFrom().isTerminal();
        if (incident.isTerminal() && !finishedBefore) {
            metrics.incidentFinished(incident.phase().name());
        }
    }

    /** Why the customer's redirect was refused, as the effect reported it (Twilio's status and message; no secrets). */
    private static String refusal(Incident incident) {
        return incident.outbox().stream()
                .filter(entry -> entry.effect() instanceof Effect.RedirectCustomerToEnqueue)
                .filter(entry -> entry.state() == OutboxEntry.State.FAILED)
                .reduce((first, second) -> second)
                .map(OutboxEntry::outcome)
                .orElse("the redirect was refused");
    }
}
