package dev.lifeline.model.incident;

import dev.lifeline.model.validation.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recovery incident as the agent's Reconnecting modal and the supervisor panel show it.
 *
 * @param incidentId        the incident id (one per conference and dropped worker leg)
 * @param conferenceSid     the conference the worker dropped out of ({@code CF…})
 * @param phase             where the recovery stands
 * @param attempt           1 for the first drop of the interaction, 2 if it drops again, …
 * @param droppedWorkerSid  the agent who dropped ({@code WK…})
 * @param droppedWorkerName the agent's display name; optional
 * @param customerLabel     how to show the customer; optional
 * @param customerNumber    the customer's number in E.164; optional
 * @param remainingParties  labels of the parties still in the conference, waiting on hold
 * @param deadline          when the watchdog gives up on the incident (→ {@link Phase#EXPIRED}); optional
 * @param pingDeadline      when the Recovery Ping task's TTL runs out (→ {@link Phase#REQUEUED}); optional
 * @param phaseReachedAt    when each phase reached so far was entered (the source of time-to-reconnect)
 * @param outcome           a sentence for people once the incident is over ("Reconnected to Alice"); optional
 * @param version           increases with every change; a view with a lower version is stale and is dropped
 * @param alert             set when a recovery step failed for good: what went wrong, in plain words, for the
 *                          supervisor panel's alert (e.g. "The customer is on the line in no queue: …"); optional
 */
public record IncidentView(
        String incidentId,
        String conferenceSid,
        Phase phase,
        int attempt,
        String droppedWorkerSid,
        String droppedWorkerName,
        String customerLabel,
        String customerNumber,
        List<String> remainingParties,
        Instant deadline,
        Instant pingDeadline,
        Map<Phase, Instant> phaseReachedAt,
        String outcome,
        long version,
        String alert) {

    /** A view without an alert: every recovery step so far went through. */
    public IncidentView(String incidentId, String conferenceSid, Phase phase, int attempt, String droppedWorkerSid,
                        String droppedWorkerName, String customerLabel, String customerNumber, List<String> remainingParties,
                        Instant deadline, Instant pingDeadline, Map<Phase, Instant> phaseReachedAt, String outcome,
                        long version) {
        this(incidentId, conferenceSid, phase, attempt, droppedWorkerSid, droppedWorkerName, customerLabel, customerNumber,
                remainingParties, deadline, pingDeadline, phaseReachedAt, outcome, version, null);
    }

    public IncidentView {
        Require.text(incidentId, "incidentId");
        Require.text(conferenceSid, "conferenceSid");
        Require.present(phase, "phase");
        Require.atLeast(attempt, 1, "attempt");
        Require.text(droppedWorkerSid, "droppedWorkerSid");
        remainingParties = Require.listOf(remainingParties, "remainingParties");
        phaseReachedAt = copyOf(phaseReachedAt);
        Require.atLeast(version, 0, "version");
    }

    /**
     * True while the recovery still counts on the dropped agent (the Reconnecting modal is up): until a terminal phase,
     * or until {@link Phase#STRANDED}, where the agent is released and the supervisors take over.
     */
    public boolean isOpen() {
        return phase.holdsAgent();
    }

    public Optional<Instant> reachedAt(Phase reached) {
        return Optional.ofNullable(phaseReachedAt.get(reached));
    }

    /** From detection to everyone being back with the agent; empty unless the incident was restored. */
    public Optional<Duration> timeToReconnect() {
        Instant detected = phaseReachedAt.get(Phase.DETECTED);
        Instant restored = phaseReachedAt.get(Phase.RESTORED);
        return detected == null || restored == null
                ? Optional.empty()
                : Optional.of(Duration.between(detected, restored));
    }

    private static Map<Phase, Instant> copyOf(Map<Phase, Instant> reached) {
        // EnumMap keeps the phases in their declared order, so the JSON reads like the timeline.
        EnumMap<Phase, Instant> copy = new EnumMap<>(Phase.class);
        copy.putAll(Require.mapOf(reached, "phaseReachedAt", false));
        return Collections.unmodifiableMap(copy);
    }
}
