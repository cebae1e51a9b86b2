package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.Objects;

/** One effect in an incident's outbox and how far the executor got with it. */
public record OutboxEntry(Effect effect, State state, String outcome) implements Serializable {

    public enum State { PENDING, DONE, FAILED }

    public OutboxEntry {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(state, "state");
    }

    static OutboxEntry pending(Effect effect) {
        return new OutboxEntry(effect, State.PENDING, null);
    }

    public String effectId() {
        return effect.effectId();
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    OutboxEntry settled(State newState, String newOutcome) {
        return new OutboxEntry(effect, newState, newOutcome);
    }
}
