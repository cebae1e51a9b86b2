package dev.lifeline.server.conference;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about one conference, keyed by conference SID. Immutable; see
 * {@link ConferenceStateMachine} for how it changes. {@code version} grows by one on every change.
 *
 * @param customerCallSid the customer's leg (the task attribute {@code call_sid}), once a worker registered
 * @param lastSequence    highest {@code SequenceNumber} applied to this conference
 * @param recoveringIncidentId the incident opened by a drop in this conference, or {@code null}
 */
public record ConferenceRecord(
        String conferenceSid,
        String customerCallSid,
        Map<String, Participant> participants,
        boolean ended,
        long lastSequence,
        String recoveringIncidentId,
        long version) implements Serializable {

    public ConferenceRecord {
        Objects.requireNonNull(conferenceSid, "conferenceSid");
        participants = Map.copyOf(participants);
    }

    static ConferenceRecord empty(String conferenceSid) {
        return new ConferenceRecord(conferenceSid, null, Map.of(), false, -1, null, 0);
    }

    public Optional<Participant> participant(String callSid) {
        return Optional.ofNullable(callSid).map(participants::get);
    }

    public boolean customerPresent() {
        return participant(customerCallSid).map(Participant::present).orElse(false);
    }

    /** The TaskRouter workers whose legs are in the conference right now (a query attribute of the map). */
    public List<String> presentWorkerSids() {
        return participants.values().stream()
                .filter(p -> p.isPresentWorker() && p.worker() != null)
                .map(p -> p.worker().workerSid())
                .distinct()
                .toList();
    }

    /** Participants in the conference right now. */
    public long presentCount() {
        return participants.values().stream().filter(Participant::present).count();
    }
}
