package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.RecoveryEvent;
import java.io.Serializable;
import java.util.List;

/** What one conference change produced: the stored record, conference-level effects and recovery events. */
public record AppliedConference(ConferenceRecord conference, List<Effect> effects, List<RecoveryEvent> recoveryEvents)
        implements Serializable {

    public AppliedConference {
        effects = List.copyOf(effects);
        recoveryEvents = List.copyOf(recoveryEvents);
    }
}
