package dev.lifeline.sim.events;

import java.time.Instant;
import java.util.Map;

/** A webhook destination for events; {@code batch_events} decides between a JSON array and a single object. */
final class Sink {
    final String sid;
    String description;
    final String sinkType;
    final Map<String, Object> configuration;
    final Instant created;
    Instant updated;

    Sink(String sid, String description, String sinkType, Map<String, Object> configuration, Instant now) {
        this.sid = sid;
        this.description = description;
        this.sinkType = sinkType;
        this.configuration = configuration;
        this.created = now;
        this.updated = now;
    }

    String destination() {
        Object destination = configuration.get("destination");
        return destination == null ? null : destination.toString();
    }

    boolean batchEvents() {
        Object batch = configuration.get("batch_events");
        return Boolean.TRUE.equals(batch) || "true".equals(batch);
    }
}
