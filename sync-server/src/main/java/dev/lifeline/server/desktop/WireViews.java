package dev.lifeline.server.desktop;

import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskCaller;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps the server's own records (incidents, conference records, task attributes) to the wire views of shared-model. */
public final class WireViews {

    private WireViews() {
    }

    public static IncidentView incident(Incident incident, AgentDirectory agents) {
        TaskAttributes attributes = incident.droppedWorker().taskAttributes();
        String workerName = agents.identityOfWorker(incident.droppedWorker().workerSid())
                .map(agents::displayName)
                .orElse(blankToNull(incident.droppedWorker().workerName()));
        List<String> remaining = incident.remainingParties().stream().map(WireViews::partyLabel).toList();
        return new IncidentView(incident.incidentId(), incident.conferenceSid(), incident.phase(),
                Math.max(1, incident.attempt()), incident.droppedWorker().workerSid(), workerName,
                TaskCaller.label(attributes), TaskCaller.number(attributes), remaining, incident.deadline(),
                incident.pingDeadline(), incident.timestamps(), outcome(incident, workerName),
                Math.max(0, incident.version()), FailedSteps.alert(incident));
    }

    /** A terminal incident for the supervisor panel's "recently finished" list. */
    public static Optional<FinishedIncident> finished(Incident incident, AgentDirectory agents) {
        if (!incident.isTerminal()) {
            return Optional.empty();
        }
        IncidentView view = incident(incident, agents);
        Instant finishedAt = finishedAt(incident);
        Duration toReconnect = view.timeToReconnect().filter(d -> !d.isNegative()).orElse(null);
        return Optional.of(new FinishedIncident(incident.incidentId(), view.droppedWorkerName(), customerNameOrNumber(view),
                incident.phase(), view.outcome(), finishedAt, toReconnect));
    }

    /** When the incident reached its terminal phase (the latest phase timestamp). */
    public static Instant finishedAt(Incident incident) {
        Instant at = incident.timestamps().get(incident.phase());
        if (at != null) {
            return at;
        }
        return incident.timestamps().values().stream().max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    public static ConferenceView conference(ConferenceRecord record, Instant startedAt, Instant endedAt) {
        // A supervisor listening in is not shown on the agent's call (the panel shows who listens).
        List<ParticipantView> participants = record.participants().values().stream()
                .filter(p -> p.present() && p.role() != PartyRole.SUPERVISOR)
                .sorted(Comparator.comparing(Participant::callSid))
                .map(p -> new ParticipantView(p.callSid(), role(p), p.label(), displayName(p), p.hold(), p.muted(),
                        p.endConferenceOnExit()))
                .toList();
        String taskSid = record.participants().values().stream()
                .filter(p -> p.worker() != null)
                .map(p -> p.worker().taskSid())
                .findFirst().orElse(null);
        return new ConferenceView(record.conferenceSid(), taskSid, participants, startedAt, record.ended() ? endedAt : null);
    }

    /**
     * Plain words for the people watching, with the steps that failed for good; null while the incident is still
     * open. A customer who was stranded on the way (Twilio refused to queue them) is said so.
     */
    static String outcome(Incident incident, String workerName) {
        String base = incident.strandedFrom() != null ? afterStranding(incident.phase()) : outcome(incident.phase(), workerName);
        if (base == null) {
            return null;
        }
        List<String> failed = FailedSteps.sentences(incident, incident.strandedFrom() != null);
        return failed.isEmpty() ? base : base + ". Not done: " + String.join("; ", failed) + ".";
    }

    private static String afterStranding(Phase phase) {
        return switch (phase) {
            case REQUEUED -> "Twilio refused to queue the customer at first; Lifeline's safety net then put them in the queue";
            case CUSTOMER_LEFT -> "The customer hung up while in no queue (Twilio had refused to queue them)";
            case CANCELLED -> "A supervisor took over the customer Twilio had refused to queue";
            default -> null;
        };
    }

    static String outcome(Phase phase, String workerName) {
        String agent = workerName == null ? "the agent" : workerName;
        return switch (phase) {
            case RESTORED -> "Reconnected to " + agent;
            case REQUEUED -> agent + " did not come back in time; the customer went back to the queue at top priority";
            case CUSTOMER_LEFT -> "The customer hung up before " + agent + " came back";
            case EXPIRED -> "The recovery took too long; the customer went back to the queue";
            case CANCELLED -> "A supervisor cancelled the recovery; the customer went back to the queue";
            default -> null;
        };
    }

    private static String customerNameOrNumber(IncidentView view) {
        return view.customerLabel() != null ? view.customerLabel() : view.customerNumber();
    }

    private static String partyLabel(PartySnapshot party) {
        return party.label() != null && !party.label().isBlank() ? party.label() : party.role().name().toLowerCase(Locale.ROOT);
    }

    private static ParticipantRole role(Participant participant) {
        return switch (participant.role()) {
            case WORKER -> ParticipantRole.WORKER;
            case CUSTOMER -> ParticipantRole.CUSTOMER;
            case EXTERNAL, SUPERVISOR -> ParticipantRole.EXTERNAL;
        };
    }

    private static String displayName(Participant participant) {
        if (participant.worker() != null && !participant.worker().workerName().isBlank()) {
            return participant.worker().workerName();
        }
        if (participant.role() == PartyRole.CUSTOMER && participant.worker() == null) {
            return null;
        }
        return participant.label();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
