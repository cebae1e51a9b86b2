package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryEvent;

import java.io.Serializable;
import java.util.List;

/**
 * The result of one conference change: the record to store, conference-level effects (flag corrections,
 * ending a conference after a graceful hang-up) and recovery events for the incident store. Each recovery
 * event names its own target: {@code DropDetected.incidentId()} (open it), {@code WorkerDroppedAgain
 * .previousIncidentId()}, {@code PartyJoined.incidentId()}, and {@code CustomerLeft.customerCallSid()} (the
 * open incidents of that customer).
 */
public record ConferenceTransition(ConferenceRecord next, List<Effect> effects, List<RecoveryEvent> recoveryEvents)
        implements Serializable {

    public ConferenceTransition {
        effects = List.copyOf(effects);
        recoveryEvents = List.copyOf(recoveryEvents);
    }

    static ConferenceTransition unchanged(ConferenceRecord current) {
        return new ConferenceTransition(current, List.of(), List.of());
    }
}
