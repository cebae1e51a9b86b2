package dev.lifeline.server.recovery;

/** The deterministic ids the recovery works with; determinism is what makes replays dedupe. */
public final class IncidentIds {

    private IncidentIds() {
    }

    /** An incident is one dropped agent leg in one conference. */
    public static String incidentId(String conferenceSid, String droppedWorkerCallSid) {
        return conferenceSid + ":" + droppedWorkerCallSid;
    }

    /** The incident an effect belongs to: its id up to the first {@code /} (see {@link #effectId}). */
    public static String incidentOfEffect(String effectId) {
        int slash = effectId.indexOf('/');
        return slash < 0 ? effectId : effectId.substring(0, slash);
    }

    /** e.g. {@code CF1:CA2/1/create-ping-task}; {@code discriminator} separates per-party effects. */
    static String effectId(Incident.Builder incident, String kind, String discriminator) {
        String base = incident.incidentId + "/" + incident.attempt + "/" + kind;
        return discriminator == null ? base : base + "/" + discriminator;
    }
}
