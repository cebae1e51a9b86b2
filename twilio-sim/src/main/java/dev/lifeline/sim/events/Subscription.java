package dev.lifeline.sim.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which event types go to a sink; each type with the schema version its payloads follow. */
final class Subscription {
    final String sid;
    String description;
    final String sinkSid;
    /** Event type → schema version. */
    final Map<String, Integer> types = new LinkedHashMap<>();
    final Instant created;
    Instant updated;

    Subscription(String sid, String description, String sinkSid, Instant now) {
        this.sid = sid;
        this.description = description;
        this.sinkSid = sinkSid;
        this.created = now;
        this.updated = now;
    }
}
