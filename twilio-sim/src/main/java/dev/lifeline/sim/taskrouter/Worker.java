package dev.lifeline.sim.taskrouter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A TaskRouter worker; {@code contact_uri} is a key inside its attributes, not a field (twilio-api.md §3). */
final class Worker {
    final String sid;
    String friendlyName;
    String attributesJson;
    Map<String, Object> attributes;
    String activitySid;
    Instant dateStatusChanged;
    /** When the worker last became free for work: the longest-idle eligible worker is reserved first. */
    Instant idleSince;
    /** Breaks ties between workers freed in the same instant: the one freed earlier has waited longer. */
    long idleOrder;
    final Instant created;
    Instant updated;
    int version;
    /** By task channel SID. */
    final Map<String, WorkerChannel> channels = new LinkedHashMap<>();

    Worker(String sid, String friendlyName, String attributesJson, Map<String, Object> attributes, String activitySid,
           Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.attributesJson = attributesJson;
        this.attributes = attributes;
        this.activitySid = activitySid;
        this.dateStatusChanged = now;
        this.idleSince = now;
        this.created = now;
        this.updated = now;
    }

    /**
     * What worker expressions see: the worker's attributes plus the properties TaskRouter documents for
     * expressions ({@code worker.sid}, {@code worker.friendly_name}, {@code worker.activity_name},
     * {@code worker.activity_sid}; "Activity Based Routing"). The properties win over an attribute of the same
     * name, so {@code worker.sid == task.targetWorkerSid} cannot be spoofed by a worker attribute.
     */
    Map<String, Object> routingDocument(Activity activity) {
        Map<String, Object> document = new LinkedHashMap<>(attributes);
        document.put("sid", sid);
        document.put("friendly_name", friendlyName);
        document.put("activity_sid", activitySid);
        document.put("activity_name", activity == null ? null : activity.friendlyName);
        return document;
    }

    void touch(Instant now) {
        updated = now;
        version++;
    }
}
