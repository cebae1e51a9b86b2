package dev.lifeline.desktop.callbacks;

import dev.lifeline.model.callbacks.CallbackList;
import dev.lifeline.model.callbacks.CallbackView;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The server's callback routes the Callbacks view uses (the connection layer's {@code RestClient} in the app). */
public interface CallbacksApi {

    /** The callbacks the signed-in agent scheduled. */
    CompletableFuture<CallbackList> mine();

    /** The queue's open and failed callbacks. */
    CompletableFuture<CallbackList> queue();

    /** Schedules one from the form's fields ({@code number}, {@code dueAt}, {@code zone}, {@code reason}) as typed. */
    CompletableFuture<CallbackView> schedule(Map<String, String> fields);

    static CallbacksApi over(dev.lifeline.desktop.connection.RestClient rest) {
        return new CallbacksApi() {
            @Override
            public CompletableFuture<CallbackList> mine() {
                return rest.myCallbacks();
            }

            @Override
            public CompletableFuture<CallbackList> queue() {
                return rest.queueCallbacks();
            }

            @Override
            public CompletableFuture<CallbackView> schedule(Map<String, String> fields) {
                return rest.scheduleCallback(fields);
            }
        };
    }
}
