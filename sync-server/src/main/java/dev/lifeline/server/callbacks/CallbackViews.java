package dev.lifeline.server.callbacks;

import dev.lifeline.model.callbacks.CallbackList;
import dev.lifeline.model.callbacks.CallbackView;
import java.util.List;

/** What the desktop and the website are shown of a callback. */
public final class CallbackViews {

    private CallbackViews() {
    }

    public static CallbackView of(Callback callback) {
        return new CallbackView(callback.id(), callback.number(), callback.reason(), callback.requestedAt(), callback.dueAt(),
                callback.zone(), callback.priority(), callback.preferredAgent(), callback.state().name(),
                callback.attempts().stream().map(a -> new CallbackView.Attempt(a.number(), a.startedAt(), a.outcome())).toList(),
                callback.closeReason());
    }

    public static CallbackList list(List<Callback> callbacks) {
        return new CallbackList(callbacks.stream().map(CallbackViews::of).toList());
    }
}
