package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryEvent;
import java.io.Serializable;
import java.util.List;

/**
 * What one conference change produced: the stored record, conference-level effects and recovery events, and whether
 * the change was news: it changed the record or produced work. A callback is not news when the record already holds
 * it or something later (a redelivery, or an older callback arriving late: the state machine ignores a callback at or
 * below its leg's last sequence), nor of the kinds that change no record (conference-start, announcement-end).
 * {@code presenceChanged}: an agent's leg came or went, so {@link WorkerPresence} must follow.
 */
public record AppliedConference(ConferenceRecord conference, List<Effect> effects, List<RecoveryEvent> recoveryEvents,
                                boolean news, boolean presenceChanged) implements Serializable {

    public AppliedConference {
        effects = List.copyOf(effects);
        recoveryEvents = List.copyOf(recoveryEvents);
    }
}
