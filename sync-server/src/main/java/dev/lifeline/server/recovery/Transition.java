package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.List;

/**
 * The result of applying one event: the incident to store ({@code null} only when there was none and the
 * event does not open one) and the effects newly added to its outbox, in the order to perform them.
 * Serializable because an EntryProcessor returns it from the partition owner to the caller.
 */
public record Transition(Incident next, List<Effect> newEffects) implements Serializable {

    public Transition {
        newEffects = List.copyOf(newEffects);
    }

    static Transition unchanged(Incident current) {
        return new Transition(current, List.of());
    }

    /** True when the event changed the incident (the caller then writes it back). */
    public boolean changed(Incident before) {
        return next != before;
    }
}
