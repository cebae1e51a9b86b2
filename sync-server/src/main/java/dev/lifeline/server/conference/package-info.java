/**
 * Conference state: who is in which conference in what role, with per-participant agent assignments, and
 * the pure transitions that turn Twilio conference callbacks into drop detections
 * ({@link dev.lifeline.server.recovery.RecoveryEvent.DropDetected}) and {@code endConferenceOnExit}
 * corrections. See {@link dev.lifeline.server.conference.ConferenceStateMachine}.
 */
package dev.lifeline.server.conference;
