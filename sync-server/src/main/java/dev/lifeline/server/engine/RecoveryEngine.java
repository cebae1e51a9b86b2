package dev.lifeline.server.engine;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.taskrouter.RecoveryTaskEvents;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.twilio.ParticipantState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drives recoveries: Twilio's events in (parsed into domain events at the webhook edge), pure transitions applied on
 * the owning Hazelcast member, effects performed afterwards off the caller's thread ({@link EffectRunner}) and their
 * completion recorded back, so that every side effect runs once per incident and a crashed member's unfinished effects
 * are picked up by {@link IncidentReconciler}.
 */
public final class RecoveryEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecoveryEngine.class);

    private final ConferenceStore conferences;
    private final IncidentStore incidents;
    private final SeenEvents seen;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final DesktopFeed desktops;
    private final RecoveryTaskEvents recoveryTasks;
    private final PhaseObserver phases;
    private final EffectRunner effects;
    private final TwilioEffects twilio;

    /**
     * @param twilio   what each effect does at Twilio; the engine's {@link EffectRunner} is the only caller
     * @param leases   who performs an effect right now, cluster-wide
     * @param notifier the dropped agent's desktop and the supervisors, told of every phase change
     * @param desktops told of every TaskRouter event and conference change
     */
    public RecoveryEngine(ConferenceStore conferences, IncidentStore incidents, TwilioEffects twilio, EffectLeases leases,
                          SeenEvents seen, RecoveryPolicy policy, Clock clock, LifelineMetrics metrics,
                          AgentNotifier notifier, DesktopFeed desktops) {
        this.conferences = conferences;
        this.incidents = incidents;
        this.seen = seen;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.desktops = desktops;
        this.recoveryTasks = new RecoveryTaskEvents(policy.pingWorkflowSid(), incidents::get);
        this.phases = new PhaseObserver(metrics, clock);
        this.effects = new EffectRunner(incidents, twilio, leases, policy, clock, metrics, notifier, phases);
        this.twilio = twilio;
    }

    /**
     * Calls {@code listener} with every incident that moved to a new phase, on the member that applied the move. A
     * move may be observed again (a retried write), so the listener must be idempotent.
     */
    public void onPhaseChange(java.util.function.Consumer<Incident> listener) {
        phases.listen(listener);
    }

    public RecoveryPolicy policy() {
        return policy;
    }

    // Twilio's events //

    /**
     * A conference status callback; a redelivery of one already applied changes nothing.
     *
     * <p>The record is its own redelivery check: the state machine ignores a callback at or below its leg's last
     * sequence, and the change reports whether it was news ({@link AppliedConference#news()}). So a callback costs one
     * map round trip, the change itself, and a join's look-up of the agent it may be is started beside it. A change
     * that was not news produced no effects or recovery events and tells no desktop anything new: it is skipped, except
     * for the follow-ups that finish what a member dying just after the change may have cut short (a join's
     * registration or a moved party's hold, an announcement's end). Those are idempotent, so running them for a
     * redelivery is harmless.
     */
    public void onConferenceCallback(ConferenceCallback callback) {
        CompletableFuture<ConferenceStore.PendingAssignment> pending =
                callback.kind() == ConferenceCallback.Kind.PARTICIPANT_JOIN
                        ? conferences.pendingForAsync(callback.friendlyName())
                        : CompletableFuture.completedFuture(null);
        MDC.put("conferenceSid", callback.conferenceSid());
        try {
            AppliedConference applied = conferences.apply(callback);
            if (!applied.news() && !finishesInterruptedWork(callback.kind())) {
                metrics.duplicateSkipped("conference");
                return;
            }
            afterConferenceChange(callback, applied, () -> Optional.ofNullable(awaited(pending)));
        } finally {
            MDC.remove("conferenceSid");
        }
    }

    /** The kinds whose follow-ups a redelivery runs again: they may have been cut short, and they are idempotent. */
    private static boolean finishesInterruptedWork(ConferenceCallback.Kind kind) {
        return kind == ConferenceCallback.Kind.PARTICIPANT_JOIN || kind == ConferenceCallback.Kind.ANNOUNCEMENT_END;
    }

    private void applyConferenceCallback(ConferenceCallback callback) {
        afterConferenceChange(callback, conferences.apply(callback), () -> conferences.pendingFor(callback.friendlyName()));
    }

    private void afterConferenceChange(ConferenceCallback callback, AppliedConference applied,
                                       Supplier<Optional<ConferenceStore.PendingAssignment>> pending) {
        if (applied.news()) {
            handle(applied);
        }
        if (callback.kind() == ConferenceCallback.Kind.PARTICIPANT_JOIN) {
            if (!registeredAgentLeg(applied.conference(), callback.callSid())) {
                registerIfExpected(callback, pending.get()).ifPresent(this::handle);
            }
            movedPartyJoined(callback.callSid(), applied.conference());
        } else if (callback.kind() == ConferenceCallback.Kind.ANNOUNCEMENT_END) {
            AnnouncementWitness.effectIdIn(callback.announceUrl()).ifPresent(this::announcementPlayed);
        }
    }

    /** A map answer started earlier; a refusal (e.g. a minority member's) surfaces as itself, not wrapped. */
    private static <T> T awaited(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A rejoined agent's leg is registered by the conference machine itself, with the incident it ended. */
    private static boolean registeredAgentLeg(ConferenceRecord conference, String callSid) {
        if (conference == null || callSid == null) {
            return false;
        }
        var participant = conference.participants().get(callSid);
        return participant != null && participant.worker() != null;
    }

    /**
     * A party the recovery moved has joined the new conference: its move, left pending until now, is performed again
     * and holds it there if it was on hold (the reconciler does the same if this callback is lost).
     */
    private void movedPartyJoined(String callSid, ConferenceRecord conference) {
        if (callSid == null || conference == null || conference.customerCallSid() == null
                || callSid.equals(conference.customerCallSid())) {
            return;
        }
        incidents.incidentOfCustomer(conference.customerCallSid()).flatMap(incidents::get).ifPresent(incident -> {
            List<Effect> move = incident.pendingEffects().stream()
                    .filter(effect -> effect instanceof Effect.MoveParty m && m.callSid().equals(callSid))
                    .toList();
            effects.run(incident.incidentId(), move);
        });
    }

    /** Twilio's word that it played an incident's announcement completes the effect, whoever performed it. */
    private void announcementPlayed(String effectId) {
        String incidentId = IncidentIds.incidentOfEffect(effectId);
        if (incidents.get(incidentId).isPresent()) {
            apply(incidentId, new RecoveryEvent.EffectCompleted(effectId, "Twilio played the announcement"));
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

    /**
     * The server placed an agent's outbound call itself (no conference instruction, so no pending assignment to
     * wait for): the agent's leg and the called party are registered at once, the called party as the customer.
     */
    public void registerWorker(dev.lifeline.server.conference.WorkerRegistration registration) {
        handle(conferences.register(registration));
    }

    /**
     * A supervisor listens to, whispers into, barges into or leaves a live call: conference effects of no incident, run
     * (claimed, performed, checked at Twilio first) like the conference's own flag corrections, off the caller's thread,
     * one supervisor's actions on one call in the order they were asked for (a leave never overtakes its listen).
     */
    public void superviseCall(String conferenceSid, String supervisor, List<Effect> supervision) {
        effects.runUnbound("conference/" + conferenceSid + "/supervisor/" + supervisor, supervision);
    }

    /** An agent hangs up on purpose: marked before the leg drops, so the leave is never taken for a drop. */
    public void gracefulExit(String conferenceSid, String workerCallSid, GracefulExit exit) {
        handle(conferences.markGraceful(conferenceSid, workerCallSid, exit));
    }

    /**
     * The server is about to end an agent leg whose desktop went silent (presence): marked first, so that the leave
     * Twilio reports for a leg ended through the API is taken for the drop it is.
     */
    public void endingSilentLeg(String conferenceSid, String workerCallSid) {
        handle(conferences.markEndedForSilence(conferenceSid, workerCallSid));
    }

    /**
     * The dropped agent's desktop is back for this incident (signed in, phone registered). With the {@code rejoin}
     * strategy the server dials the agent into the conference; otherwise nothing changes.
     *
     * @return the incident, empty when there is none by that id
     */
    public Optional<Incident> agentBack(String incidentId, RecoveryEvent.AgentBack back) {
        if (incidents.get(incidentId).isEmpty()) {
            return Optional.empty();
        }
        apply(incidentId, back);
        return incidents.get(incidentId);
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
        if (incident.get().phase() == Phase.REJOINING) {
            // Before the watchdog: an agent who is on the call already is restored, not requeued under them.
            rejoinedWithoutCallback(incident.get());
        }
        if (!incident.get().isTerminal()) {
            apply(incidentId, new RecoveryEvent.DeadlinePassed(clock.instant()));
        }
        incidents.get(incidentId).ifPresent(current -> effects.run(incidentId, current.pendingEffects()));
    }

    /**
     * The agent dialled back in (rejoin) is in the conference at Twilio but its {@code participant-join} never came (a
     * minority member refused it: Twilio does not retry a Voice callback). Applied as the callback would have been, at
     * the next sweep rather than the conference audit's two looks: the customer is waiting on hold for exactly this.
     */
    private void rejoinedWithoutCallback(Incident incident) {
        ConferenceRecord record = conferences.get(incident.conferenceSid()).orElse(null);
        if (record == null) {
            return;
        }
        Optional<String> recorded = rejoinedLegRecorded(incident, record);
        if (recorded.isPresent()) {
            apply(incident.incidentId(), new RecoveryEvent.AgentRejoined(incident.incidentId(), recorded.get()));
            return;
        }
        twilio.rejoinedLegUnseen(incident, record)
                .ifPresent(party -> applyMissedJoin(incident.conferenceSid(), null, party, record.lastSequence()));
    }

    /**
     * The agent's rejoined leg is in the conference record (the conference machine registered it, naming this incident
     * in its task attributes) while the incident never heard of it: the member that applied the join died between the
     * two writes (MemberLossTest, owner terminated as the agent's leg connects). The callback is not retried, and a copy
     * would be stale for the record, so the record's word is applied as the join's event would have been.
     */
    private static Optional<String> rejoinedLegRecorded(Incident incident, ConferenceRecord record) {
        return record.participants().values().stream()
                .filter(party -> party.present() && party.role() == PartyRole.WORKER && party.worker() != null)
                .filter(party -> party.worker().taskAttributes().string(RecoveryAttributes.LIFELINE_INCIDENT)
                        .filter(incident.incidentId()::equals).isPresent())
                .map(Participant::callSid)
                .findFirst();
    }

    // Plumbing //

    private void handle(AppliedConference applied) {
        effects.runUnbound(applied.effects());
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
        } else if (event instanceof RecoveryEvent.AgentRejoined rejoined) {
            return Optional.of(rejoined.incidentId());
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
            phases.observe(applied);
            effects.run(incidentId, applied.newEffects());
            effects.afterPhaseChange(applied);
        } finally {
            MDC.remove("incidentId");
        }
    }

    private Optional<AppliedConference> registerIfExpected(ConferenceCallback join,
                                                           Optional<ConferenceStore.PendingAssignment> expected) {
        return expected
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

    /** True when this member has no effect queued or running (tests wait on it rather than sleeping). */
    public boolean effectsIdle() {
        return effects.idle();
    }

    /** Stops running effects here; those still pending are in the outbox for the other members' reconcilers. */
    @Override
    public void close() {
        effects.close();
    }
}
