package dev.lifeline.server.webhooks;

/**
 * Where verified, parsed webhooks go. Implementations must be idempotent and order-tolerant: Twilio may
 * deliver any callback twice, late, or out of order (reliability.md §2).
 */
public interface WebhookHandler {

    void onConferenceCallback(ConferenceCallback callback);

    void onTaskRouterEvent(TaskRouterEvent event);
}
