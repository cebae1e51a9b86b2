package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.RecoveryEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure transitions of a {@link ConferenceRecord}. Twilio sends each conference callback as its own HTTP
 * request, so they arrive concurrently, late, twice or out of order: every callback at or below the
 * leg's last applied {@code SequenceNumber} changes nothing, and a leave that arrives before its join is
 * kept (the late join is then stale). Unchanged input comes back as the very same object.
 */
public final class ConferenceStateMachine {

    private ConferenceStateMachine() {
    }

    /** The server accepted an agent's reservation and saw agent and customer in the conference. */
    public static ConferenceTransition register(ConferenceRecord currentOrNull, WorkerRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        ConferenceRecord current = orEmpty(currentOrNull, registration.conferenceSid());
        if (current.ended()) {
            return ConferenceTransition.unchanged(currentOrNull);
        }
        Step step = new Step(currentOrNull, current);
        if (step.customerCallSid == null) {
            step.customerCallSid = registration.customerCallSid();
        }
        Participant customer = step.get(step.customerCallSid, PartyRole.CUSTOMER).withRole(PartyRole.CUSTOMER, null);
        step.put(customer.hasLeft() ? customer : customer.withPresence(true, false));
        Participant worker = step.get(registration.workerCallSid(), PartyRole.WORKER)
                .withRole(PartyRole.WORKER, registration.assignment());
        step.put(worker.hasLeft() ? worker : worker.withPresence(true, false));
        // Set the agent's flag explicitly once registered: its modify callback may have come and gone before
        // the registration existed (seed §3.3 step 4, commit e167bd6).
        step.correctFlags(registration.workerCallSid(), "registration-" + registration.assignment().reservationSid());
        return step.finish();
    }

    /**
     * The agent leaves on purpose (through the server); its coming participant-leave is then no drop. A hang-up
     * that would leave the customer alone with nobody also ends the conference: agents' legs do not end it by
     * leaving, so the customer would otherwise wait in silence (seed §3.3 beforeHangupCall).
     */
    public static ConferenceTransition markGraceful(ConferenceRecord currentOrNull, String conferenceSid,
                                                    String workerCallSid, GracefulExit exit) {
        Objects.requireNonNull(workerCallSid, "workerCallSid");
        Objects.requireNonNull(exit, "exit");
        ConferenceRecord current = orEmpty(currentOrNull, conferenceSid);
        Step step = new Step(currentOrNull, current);
        Participant leaving = step.get(workerCallSid, PartyRole.WORKER);
        if (leaving.leftGracefully()) {
            return ConferenceTransition.unchanged(currentOrNull);
        }
        step.put(leaving.gracefully());
        // A supervisor listening in is nobody the customer would be left talking to.
        long othersPresent = current.participants().values().stream()
                .filter(p -> p.present() && !p.callSid().equals(workerCallSid) && p.role() != PartyRole.SUPERVISOR).count();
        if (exit == GracefulExit.HANG_UP && !current.ended() && othersPresent <= 1) {
            step.effects.add(new Effect.EndConference(
                    "conference/" + current.conferenceSid() + "/end-after-hangup/" + workerCallSid,
                    current.conferenceSid()));
        }
        return step.finish();
    }

    /**
     * The server is about to end {@code workerCallSid} through the REST API because the agent's desktop went silent:
     * its coming leave (reported as {@code participant_updated_via_api}) is then a drop, not a redirect. Nothing
     * changes for a leg that is not present or that is leaving on purpose.
     */
    public static ConferenceTransition markEndedForSilence(ConferenceRecord currentOrNull, String conferenceSid,
                                                           String workerCallSid) {
        Objects.requireNonNull(workerCallSid, "workerCallSid");
        ConferenceRecord current = orEmpty(currentOrNull, conferenceSid);
        Participant leg = current.participants().get(workerCallSid);
        if (leg == null || leg.role() != PartyRole.WORKER || !leg.present() || leg.leftGracefully()
                || leg.endedForSilence()) {
            return ConferenceTransition.unchanged(currentOrNull);
        }
        Step step = new Step(currentOrNull, current);
        step.put(leg.endingForSilence());
        return step.finish();
    }

    public static ConferenceTransition apply(ConferenceRecord currentOrNull, ConferenceCallback callback) {
        Objects.requireNonNull(callback, "callback");
        ConferenceRecord current = orEmpty(currentOrNull, callback.conferenceSid());
        return switch (callback.kind()) {
            case CONFERENCE_END -> end(currentOrNull, current, callback);
            case PARTICIPANT_LEAVE -> leave(currentOrNull, current, callback);
            case PARTICIPANT_JOIN, PARTICIPANT_HOLD, PARTICIPANT_UNHOLD, PARTICIPANT_MUTE, PARTICIPANT_UNMUTE,
                    PARTICIPANT_MODIFY -> update(currentOrNull, current, callback);
            case CONFERENCE_START, ANNOUNCEMENT_END, OTHER -> ConferenceTransition.unchanged(currentOrNull);
        };
    }

    private static ConferenceTransition end(ConferenceRecord original, ConferenceRecord current,
                                            ConferenceCallback callback) {
        if (current.ended()) {
            return ConferenceTransition.unchanged(original);
        }
        Step step = new Step(original, current);
        step.ended = true;
        step.lastSequence = Math.max(step.lastSequence, callback.sequenceNumber());
        for (Participant participant : List.copyOf(step.participants.values())) {
            step.put(participant.withPresence(false, participant.hasLeft()));
        }
        return step.finish();
    }

    private static ConferenceTransition leave(ConferenceRecord original, ConferenceRecord current,
                                              ConferenceCallback callback) {
        String callSid = callback.callSid();
        Participant before = callSid == null ? null : current.participants().get(callSid);
        if (callSid == null || (before != null && callback.sequenceNumber() <= before.lastSequence())) {
            return ConferenceTransition.unchanged(original);
        }
        Step step = new Step(original, current);
        step.lastSequence = Math.max(step.lastSequence, callback.sequenceNumber());
        Participant left = step.get(callSid, guessRole(current, callSid, callback.label())).withPresence(false, true)
                .seen(callback.sequenceNumber());
        step.put(left);
        ConferenceRecord after = step.build(current.version());
        if (before != null && before.isPresentWorker() && !after.ended()
                && after.participants().values().stream().noneMatch(Participant::isPresentWorker)) {
            step.supervisorsLeave("after-" + callSid);
        }
        if (before != null && DropDetection.isDrop(before, callback, after)) {
            List<RecoveryEvent> detected = DropDetection.events(before, after);
            step.events.addAll(detected);
            step.recoveringIncidentId = ((RecoveryEvent.DropDetected) detected.get(0)).incidentId();
        }
        if (callSid.equals(current.customerCallSid()) && callback.callEnded()) {
            step.events.add(new RecoveryEvent.CustomerLeft(callSid));
        }
        step.correctFlags(null, "seq-" + callback.sequenceNumber());
        return step.finish();
    }

    private static ConferenceTransition update(ConferenceRecord original, ConferenceRecord current,
                                               ConferenceCallback callback) {
        String callSid = callback.callSid();
        Participant before = callSid == null ? null : current.participants().get(callSid);
        boolean stale = before != null && callback.sequenceNumber() <= before.lastSequence();
        // A conference cannot restart under the same SID; a leg that left needs a newer callback to be back.
        if (callSid == null || stale || current.ended()) {
            return ConferenceTransition.unchanged(original);
        }
        Step step = new Step(original, current);
        step.lastSequence = Math.max(step.lastSequence, callback.sequenceNumber());
        Participant participant = step.get(callSid, guessRole(current, callSid, callback.label()));
        boolean hold = switch (callback.kind()) {
            case PARTICIPANT_HOLD -> true;
            case PARTICIPANT_UNHOLD -> false;
            default -> callback.hold() == null ? participant.hold() : callback.hold();
        };
        boolean muted = switch (callback.kind()) {
            case PARTICIPANT_MUTE -> true;
            case PARTICIPANT_UNMUTE -> false;
            default -> callback.muted() == null ? participant.muted() : callback.muted();
        };
        boolean endConferenceOnExit = callback.endConferenceOnExit() == null
                ? participant.endConferenceOnExit() : callback.endConferenceOnExit();
        String label = callback.label() == null ? participant.label() : callback.label();
        Participant updated = participant.withFlags(label, hold, muted, endConferenceOnExit)
                .withPresence(true, participant.hasLeft())
                .seen(callback.sequenceNumber());
        Optional<Participant> droppedAgent = before == null
                ? RejoinedAgent.droppedLegLabelled(current, step.recoveringIncidentId, label) : Optional.empty();
        if (droppedAgent.isPresent()) {
            // The dropped agent dialled back in (rejoin): their leg again, not a party to bring along.
            updated = updated.withRole(PartyRole.WORKER,
                    RejoinedAgent.assignmentAfter(droppedAgent.get(), step.recoveringIncidentId));
            step.events.add(new RecoveryEvent.AgentRejoined(step.recoveringIncidentId, callSid));
        }
        step.put(updated);
        if (droppedAgent.isEmpty() && step.recoveringIncidentId != null && !participant.present()
                && updated.role() != PartyRole.WORKER && updated.role() != PartyRole.SUPERVISOR) {
            // Someone arrived while the agent is gone (e.g. moved in by an earlier attempt): bring them along too.
            step.events.add(new RecoveryEvent.PartyJoined(step.recoveringIncidentId, updated.snapshot()));
        }
        step.correctFlags(callSid, "seq-" + callback.sequenceNumber());
        return step.finish();
    }

    private static PartyRole guessRole(ConferenceRecord record, String callSid, String label) {
        if (callSid.equals(record.customerCallSid())) {
            return PartyRole.CUSTOMER;
        }
        return SupervisorLeg.isSupervisorLabel(label) ? PartyRole.SUPERVISOR : PartyRole.EXTERNAL;
    }

    private static ConferenceRecord orEmpty(ConferenceRecord currentOrNull, String conferenceSid) {
        if (currentOrNull != null) {
            return currentOrNull;
        }
        return ConferenceRecord.empty(Objects.requireNonNull(conferenceSid, "conferenceSid"));
    }

    /** Mutable working copy of one transition. */
    private static final class Step {
        private final ConferenceRecord original;
        private final ConferenceRecord before;
        private final Map<String, Boolean> desiredBefore = new HashMap<>();
        final Map<String, Participant> participants;
        final List<Effect> effects = new ArrayList<>();
        final List<RecoveryEvent> events = new ArrayList<>();
        String customerCallSid;
        String recoveringIncidentId;
        boolean ended;
        long lastSequence;

        Step(ConferenceRecord original, ConferenceRecord before) {
            this.original = original;
            this.before = before;
            this.participants = new HashMap<>(before.participants());
            this.customerCallSid = before.customerCallSid();
            this.recoveringIncidentId = before.recoveringIncidentId();
            this.ended = before.ended();
            this.lastSequence = before.lastSequence();
            if (EndConferenceOnExitPolicy.applies(before)) {
                before.participants().values().stream().filter(Participant::present).forEach(p ->
                        desiredBefore.put(p.callSid(), EndConferenceOnExitPolicy.desired(before, p)));
            }
        }

        /**
         * The last agent left (dropped, hung up, transferred away): a supervisor listening to them has nobody left to
         * listen to or whisper to, and must not stay on with the customer, so every supervisor leg is taken out.
         */
        void supervisorsLeave(String trigger) {
            participants.values().stream()
                    .filter(p -> p.present() && p.role() == PartyRole.SUPERVISOR)
                    .sorted(java.util.Comparator.comparing(Participant::callSid))
                    .forEach(p -> effects.add(new Effect.RemoveParticipant("conference/" + before.conferenceSid()
                            + "/supervisor-leaves/" + p.callSid() + "/" + trigger, before.conferenceSid(), p.callSid())));
        }

        Participant get(String callSid, PartyRole roleIfUnknown) {
            Participant existing = participants.get(callSid);
            return existing != null ? existing : Participant.unknown(callSid, roleIfUnknown);
        }

        void put(Participant participant) {
            participants.put(participant.callSid(), participant);
        }

        ConferenceRecord build(long version) {
            return new ConferenceRecord(before.conferenceSid(), customerCallSid, participants, ended, lastSequence,
                    recoveringIncidentId, version);
        }

        /**
         * Asks Twilio to put flags right for the legs this change concerns: the leg the callback or registration
         * was about, and every leg whose desired value the change flipped (a third party joined or left).
         */
        void correctFlags(String subjectCallSid, String trigger) {
            ConferenceRecord now = build(before.version());
            if (!EndConferenceOnExitPolicy.applies(now)) {
                return;
            }
            now.participants().values().stream()
                    .filter(Participant::present)
                    .sorted(java.util.Comparator.comparing(Participant::callSid))
                    .forEach(p -> {
                        boolean desired = EndConferenceOnExitPolicy.desired(now, p);
                        boolean concerned = p.callSid().equals(subjectCallSid)
                                || !Boolean.valueOf(desired).equals(desiredBefore.get(p.callSid()));
                        if (concerned && p.endConferenceOnExit() != desired) {
                            effects.add(new Effect.SetEndConferenceOnExit("conference/" + now.conferenceSid()
                                    + "/end-conference-on-exit/" + p.callSid() + "/" + desired + "/" + trigger,
                                    now.conferenceSid(), p.callSid(), desired));
                        }
                    });
        }

        ConferenceTransition finish() {
            ConferenceRecord candidate = build(before.version());
            if (original != null && candidate.equals(original) && effects.isEmpty() && events.isEmpty()) {
                return ConferenceTransition.unchanged(original);
            }
            ConferenceRecord next = candidate.equals(original) ? original : build(before.version() + 1);
            return new ConferenceTransition(next, effects, events);
        }
    }
}
