package dev.lifeline.sim.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.webhook.Webhook;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event Streams: webhook sinks, subscriptions, and delivery of CloudEvents to every sink subscribed to an
 * event's type. Deliveries are JSON, signed with the {@code bodySHA256} scheme by the dispatcher and retried
 * with backoff while the receiver fails ({@link Webhook.RetryPolicy#EVENT_STREAMS}). State lives under the
 * world lock like the rest of the emulator.
 */
public final class EventStreams {

    static final String BASE = "https://events.twilio.com/v1";

    private final SimContext context;
    final Map<String, Sink> sinks = new LinkedHashMap<>();
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    public EventStreams(SimContext context) {
        this.context = context;
    }

    SimContext context() {
        return context;
    }

    /**
     * Delivers the events raised by one state change. A sink with {@code batch_events:true} gets them as one
     * JSON array; otherwise each event is its own POST of a single object. Call with the world lock held
     * (sending only queues the webhook).
     */
    public void publish(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        synchronized (context.world) {
            for (Sink sink : sinks.values()) {
                List<Map<String, Object>> envelopes = new ArrayList<>();
                for (CloudEvent event : events) {
                    Integer version = subscribedVersion(sink.sid, event.type());
                    if (version != null) {
                        envelopes.add(envelope(event, version));
                    }
                }
                if (envelopes.isEmpty() || sink.destination() == null) {
                    continue;
                }
                String key = events.get(0).orderingKey();
                if (sink.batchEvents()) {
                    send(sink, envelopes, key);
                } else {
                    envelopes.forEach(envelope -> send(sink, envelope, key));
                }
            }
        }
    }

    /** Sinks and their subscribed types, for the scenario API's world view. */
    public Map<String, Object> snapshot() {
        synchronized (context.world) {
            List<Map<String, Object>> sinkViews = new ArrayList<>();
            for (Sink sink : sinks.values()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("sid", sink.sid);
                view.put("destination", sink.destination());
                view.put("batch_events", sink.batchEvents());
                view.put("types", subscriptions.values().stream()
                        .filter(s -> s.sinkSid.equals(sink.sid))
                        .flatMap(s -> s.types.keySet().stream()).distinct().toList());
                sinkViews.add(view);
            }
            return Map.of("sinks", sinkViews);
        }
    }

    private Integer subscribedVersion(String sinkSid, String type) {
        return subscriptions.values().stream()
                .filter(s -> s.sinkSid.equals(sinkSid) && s.types.containsKey(type))
                .map(s -> s.types.get(type))
                .findFirst().orElse(null);
    }

    private static Map<String, Object> envelope(CloudEvent event, int schemaVersion) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("type", event.type());
        envelope.put("source", event.source());
        envelope.put("id", event.id());
        envelope.put("dataschema", event.schema() + "/" + schemaVersion);
        envelope.put("datacontenttype", "application/json");
        envelope.put("time", event.time().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("data", Map.of("payload", event.payload()));
        return envelope;
    }

    private void send(Sink sink, Object body, String orderingKey) {
        String json;
        try {
            json = context.json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payloads are plain JSON values", e);
        }
        context.webhooks.send(Webhook.json(sink.destination(), json, Webhook.RetryPolicy.EVENT_STREAMS,
                orderingKey == null ? sink.sid : orderingKey));
    }

    Sink sink(String sid) {
        Sink sink = sid == null ? null : sinks.get(sid);
        if (sink == null) {
            throw TwilioApiException.notFound("Sink", sid);
        }
        return sink;
    }

    Subscription subscription(String sid) {
        Subscription subscription = sid == null ? null : subscriptions.get(sid);
        if (subscription == null) {
            throw TwilioApiException.notFound("Subscription", sid);
        }
        return subscription;
    }

    Instant now() {
        return context.clock.now();
    }
}
