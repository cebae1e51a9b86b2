package dev.lifeline.sim.voice;

/**
 * How a call joins a conference: the {@code <Conference>} attributes or the Participants-create parameters,
 * with Twilio's defaults already applied.
 */
public record ParticipantSettings(
        String label,
        boolean muted,
        boolean startConferenceOnEnter,
        boolean endConferenceOnExit,
        String beep,
        boolean coaching,
        String callSidToCoach,
        String waitUrl,
        ConferenceCallbackSettings callback) {

    public static ParticipantSettings defaults(String label) {
        return new ParticipantSettings(label, false, true, false, "true", false, null, null,
                ConferenceCallbackSettings.NONE);
    }
}
