package dev.lifeline.server.engine;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.taskrouter.RecoveryTaskEvents;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.twilio.ParticipantState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drives recoveries: Twilio's events in (parsed into domain events at the webhook edge), pure transitions applied on
 * the owning Hazelcast member, effects performed afterwards and their completion recorded back, so that every side
 * effect runs at most once per incident and a crashed member's unfinished effects are picked up by
 * {@link IncidentReconciler}.
 */
public final class RecoveryEngine {

    private static final Logger log = LoggerFactory.getLogger(RecoveryEngine.class);

    private final ConferenceStore conferences;
    private final IncidentStore incidents;
    private final EffectExecutor executor;
    private final EffectLeases leases;
    private final SeenEvents seen;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final AgentNotifier notifier;
    private final DesktopFeed desktops;
    private final RecoveryTaskEvents recoveryTasks;

    public RecoveryEngine(ConferenceStore conferences, IncidentStore incidents, EffectExecutor executor, EffectLeases leases,
                          SeenEvents seen, RecoveryPolicy policy, Clock clock, LifelineMetrics metrics,
                          AgentNotifier notifier, DesktopFeed desktops) {
        this.conferences = conferences;
        this.incidents = incidents;
        this.executor = executor;
        this.leases = leases;
        this.seen = seen;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.notifier = notifier;
        this.desktops = desktops;
        this.recoveryTasks = new RecoveryTaskEvents(policy.pingWorkflowSid(), incidents::get);
    }

    public RecoveryPolicy policy() {
        return policy;
    }

    // Twilio's events //

    /** A conference status callback; a redelivery of one already applied changes nothing. */
    public void onConferenceCallback(ConferenceCallback callback) {
        String eventId = callback.eventId();
        if (seen.alreadyApplied(eventId)) {
            metrics.duplicateSkipped("conference");
            return;
        }
        MDC.put("conferenceSid", callback.conferenceSid());
        try {
            applyConferenceCallback(callback);
            seen.markApplied(eventId);
        } finally {
            MDC.remove("conferenceSid");
        }
    }

    private void applyConferenceCallback(ConferenceCallback callback) {
        handle(conferences.apply(callback));
        if (callback.kind() == ConferenceCallback.Kind.PARTICIPANT_JOIN) {
            registerIfExpected(callback).ifPresent(this::handle);
        }
    }

    /**
     * Applies a participant-join that Twilio's participant list proves but whose callback never arrived (see
     * {@link #applyMissedLeave}): without it an agent's leg is never registered, and its later drop goes unseen.
     *
     * @param friendlyName the conference's name (TaskRouter names it after the task), to find the expected agent
     * @param sequence     the record's last sequence: any callback Twilio sends later is newer than this state
     */
    public void applyMissedJoin(String conferenceSid, String friendlyName, ParticipantState party, long sequence) {
        MDC.put("conferenceSid", conferenceSid);
        try {
            applyConferenceCallback(ConferenceCallback.join(conferenceSid, friendlyName, party.callSid(), sequence,
                    party.label(), party.hold(), party.muted(), party.endConferenceOnExit()));
        } finally {
            MDC.remove("conferenceSid");
        }
    }

    /**
     * Applies a participant-leave that Twilio's REST state proves but whose callback never arrived: Voice
     * callbacks are not retried on an HTTP error, so one refused by a minority member (503) or lost in an
     * overload is gone for good (reliability.md §0.6). The leave goes through the same state machine as a real
     * one, so a drop opens its incident and a later real callback for the same leg changes nothing.
     */
    public void applyMissedLeave(String conferenceSid, String callSid, long sequence) {
        MDC.put("conferenceSid", conferenceSid);
        try {
            handle(conferences.apply(ConferenceCallback.leave(conferenceSid, callSid, sequence, LeaveReason.UNKNOWN)));
        } finally {
            MDC.remove("conferenceSid");
        }
    }

    /** A TaskRouter event: the recovery's own tasks move their incidents; every event goes on to the desktops. */
    public void onTaskRouterEvent(TaskRouterEvent event) {
        String eventId = "taskrouter:" + event.id();
        if (seen.alreadyApplied(eventId)) {
            metrics.duplicateSkipped("taskrouter");
            return;
        }
        for (RecoveryTaskEvents.Routed routed : recoveryTasks.translate(event)) {
            apply(routed.incidentId(), routed.event());
        }
        desktops.taskRouterEvent(event);
        seen.markApplied(eventId);
    }

    // Desktop hooks //

    /** The server accepted a voice reservation: its agent's leg is expected in the conference named by the task. */
    public void expectWorker(String taskSid, ConferenceStore.PendingAssignment pending) {
        conferences.expectWorker(taskSid, pending);
    }

    /** An agent hangs up on purpose: marked before the leg drops, so the leave is never taken for a drop. */
    public void gracefulExit(String conferenceSid, String workerCallSid, GracefulExit exit) {
        handle(conferences.markGraceful(conferenceSid, workerCallSid, exit));
    }

    /** A supervisor cancels a recovery: the customer goes back to the queue. */
    public Optional<Incident> cancel(String incidentId, String supervisor) {
        if (incidents.get(incidentId).isEmpty()) {
            return Optional.empty();
        }
        apply(incidentId, new RecoveryEvent.CancelledBySupervisor(supervisor));
        return incidents.get(incidentId);
    }

    // Reconciliation //

    /** Watchdog and retry pass for one incident this member owns. */
    void reconcile(String incidentId) {
        Optional<Incident> incident = incidents.get(incidentId);
        if (incident.isEmpty()) {
            return;
        }
        if (!incident.get().isTerminal()) {
            apply(incidentId, new RecoveryEvent.DeadlinePassed(clock.instant()));
        }
        incidents.get(incidentId).ifPresent(current -> perform(incidentId, current.pendingEffects()));
    }

    // Plumbing //

    private void handle(AppliedConference applied) {
        performUnbound(applied.effects());
        for (RecoveryEvent event : applied.recoveryEvents()) {
            target(event).ifPresent(incidentId -> apply(incidentId, event));
        }
        if (applied.conference() != null) {
            desktops.conferenceChanged(applied.conference());
        }
    }

    private Optional<String> target(RecoveryEvent event) {
        if (event instanceof RecoveryEvent.DropDetected drop) {
            return Optional.of(drop.incidentId());
        } else if (event instanceof RecoveryEvent.PartyJoined joined) {
            return Optional.of(joined.incidentId());
        } else if (event instanceof RecoveryEvent.WorkerDroppedAgain again) {
            return Optional.of(again.previousIncidentId());
        } else if (event instanceof RecoveryEvent.CustomerLeft left) {
            return incidents.incidentOfCustomer(left.customerCallSid());
        }
        log.warn("conference produced a recovery event without a target: {}", event.getClass().getSimpleName());
        return Optional.empty();
    }

    private void apply(String incidentId, RecoveryEvent event) {
        MDC.put("incidentId", incidentId);
        try {
            AppliedIncident applied = incidents.apply(incidentId, event, clock.instant(), policy);
            observe(applied);
            perform(incidentId, applied.newEffects());
        } finally {
            MDC.remove("incidentId");
        }
    }

    /** Performs effects in order; each completion is recorded, which may add further effects. */
    private void perform(String incidentId, List<Effect> effects) {
        Deque<Effect> queue = new ArrayDeque<>(effects);
        while (!queue.isEmpty()) {
            Effect effect = queue.poll();
            if (effect instanceof Effect.RescueCustomer rescue && clock.instant().isBefore(rescue.notBefore())) {
                continue; // its backoff: a later reconciler sweep makes the attempt
            }
            if (!leases.tryClaim(effect.effectId())) {
                continue;
            }
            EffectOutcome outcome = effect instanceof Effect.NotifyAgent ? notifyAgent(incidentId) : executor.perform(effect);
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
            observe(applied);
            queue.addAll(applied.newEffects());
        }
    }

    private EffectOutcome notifyAgent(String incidentId) {
        incidents.get(incidentId).ifPresent(notifier::incidentChanged);
        return EffectOutcome.done("notified");
    }

    /** Conference-level effects (flag corrections, ending after a hang-up) belong to no incident. */
    private void performUnbound(List<Effect> effects) {
        for (Effect effect : effects) {
            if (leases.tryClaim(effect.effectId())) {
                EffectOutcome outcome = executor.perform(effect);
                if (outcome.kind() == EffectOutcome.Kind.RETRY_LATER) {
                    leases.release(effect.effectId());
                }
            }
        }
    }

    private void observe(AppliedIncident applied) {
        if (!applied.phaseChanged()) {
            return;
        }
        Incident incident = applied.incident();
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
        notifier.incidentChanged(incident);
    }

    /** Why the customer's redirect was refused, as the executor reported it (Twilio's status and message; no secrets). */
    private static String refusal(Incident incident) {
        return incident.outbox().stream()
                .filter(entry -> entry.effect() instanceof Effect.RedirectCustomerToEnqueue)
                .filter(entry -> entry.state() == OutboxEntry.State.FAILED)
                .reduce((first, second) -> second)
                .map(OutboxEntry::outcome)
                .orElse("the redirect was refused");
    }

    private Optional<AppliedConference> registerIfExpected(ConferenceCallback join) {
        return conferences.pendingFor(join.friendlyName())
                .filter(pending -> !join.callSid().equals(pending.customerCallSid()))
                .filter(pending -> join.label() == null || join.label().equals(pending.identity()))
                .map(pending -> conferences.register(new WorkerRegistration(join.conferenceSid(), join.callSid(),
                        pending.customerCallSid(), pending.assignment())));
    }

    /** For the desktop and supervisor views. */
    public IncidentStore incidents() {
        return incidents;
    }

    public ConferenceStore conferences() {
        return conferences;
    }

    public Optional<ConferenceRecord> conference(String conferenceSid) {
        return conferences.get(conferenceSid);
    }
}
