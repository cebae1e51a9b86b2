package dev.lifeline.model.conference;

import dev.lifeline.model.validation.Require;

/**
 * One leg in a conference.
 *
 * @param callSid             the participant's call SID ({@code CA…})
 * @param role                worker, customer or another party
 * @param label               the Twilio participant label Lifeline gave the leg (e.g. {@code "customer"}); optional
 * @param displayName         a human name or the number; optional
 * @param hold                on hold (hearing hold music)
 * @param muted               muted
 * @param endConferenceOnExit whether this leg leaving ends the conference for everybody (Twilio's
 *                            {@code endConferenceOnExit}); Lifeline keeps it false on worker legs so a dropped agent
 *                            never ends the customer's call
 */
public record ParticipantView(
        String callSid,
        ParticipantRole role,
        String label,
        String displayName,
        boolean hold,
        boolean muted,
        boolean endConferenceOnExit) {

    public ParticipantView {
        Require.text(callSid, "callSid");
        Require.present(role, "role");
    }
}
