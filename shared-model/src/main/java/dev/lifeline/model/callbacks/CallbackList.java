package dev.lifeline.model.callbacks;

import dev.lifeline.model.validation.Require;
import java.util.List;

/** {@code GET /api/me/callbacks}: callbacks, soonest due first. */
public record CallbackList(List<CallbackView> callbacks) {

    public CallbackList {
        callbacks = Require.listOf(callbacks, "callbacks");
    }
}
