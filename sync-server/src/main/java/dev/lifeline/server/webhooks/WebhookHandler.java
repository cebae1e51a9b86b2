package dev.lifeline.server.webhooks;

import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.util.function.Consumer;

/**
 * Where verified webhooks go, already parsed into domain events. Implementations must be idempotent and
 * order-tolerant: Twilio may deliver any callback twice, late, or out of order (reliability.md §2).
 */
public interface WebhookHandler {

    void onConferenceCallback(ConferenceCallback callback);

    void onTaskRouterEvent(TaskRouterEvent event);

    /** A handler made of the two receivers (the composition root hands the engine's over). */
    static WebhookHandler of(Consumer<ConferenceCallback> conferenceCallbacks, Consumer<TaskRouterEvent> taskRouterEvents) {
        return new WebhookHandler() {
            @Override
            public void onConferenceCallback(ConferenceCallback callback) {
                conferenceCallbacks.accept(callback);
            }

            @Override
            public void onTaskRouterEvent(TaskRouterEvent event) {
                taskRouterEvents.accept(event);
            }
        };
    }
}
