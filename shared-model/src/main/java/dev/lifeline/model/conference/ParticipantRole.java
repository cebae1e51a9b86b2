package dev.lifeline.model.conference;

/** Who a conference participant is, as Lifeline registered the leg (Twilio itself only knows call SIDs and labels). */
public enum ParticipantRole {
    /** An agent's softphone leg. */
    WORKER,
    /** The caller the interaction is about. */
    CUSTOMER,
    /** Any other party: a consulted colleague, a transferred-in number, an interpreter. */
    EXTERNAL
}
