package dev.lifeline.server.recovery;

/** The deterministic ids the recovery works with; determinism is what makes replays dedupe. */
public final class IncidentIds {

    private IncidentIds() {
    }

    /** An incident is one dropped agent leg in one conference. */
    public static String incidentId(String conferenceSid, String droppedWorkerCallSid) {
        return conferenceSid + ":" + droppedWorkerCallSid;
    }

    /** e.g. {@code CF1:CA2/1/create-ping-task}; {@code discriminator} separates per-party effects. */
    static String effectId(Incident.Builder incident, String kind, String discriminator) {
        String base = incident.incidentId + "/" + incident.attempt + "/" + kind;
        return discriminator == null ? base : base + "/" + discriminator;
    }
}
