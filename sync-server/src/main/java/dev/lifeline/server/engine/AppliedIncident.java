package dev.lifeline.server.engine;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import java.io.Serializable;
import java.util.List;

/** What applying one recovery event inside the owning member produced; travels back to the caller. */
public record AppliedIncident(Incident incident, Phase previousPhase, List<Effect> newEffects, boolean changed)
        implements Serializable {

    /** True when this change moved the incident into a new phase (including opening it). */
    public boolean phaseChanged() {
        return changed && incident != null && incident.phase() != previousPhase;
    }

    public AppliedIncident {
        newEffects = List.copyOf(newEffects);
    }
}
