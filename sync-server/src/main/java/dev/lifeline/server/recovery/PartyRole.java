package dev.lifeline.server.recovery;

/** What a conference participant is to the interaction. */
public enum PartyRole {
    /** An agent's leg, registered when the server accepted the agent's voice reservation. */
    WORKER,
    /** The caller the interaction is about (the task's {@code call_sid}). */
    CUSTOMER,
    /** Anyone else: a third party dialled in, a supervisor barging in, a consultation leg. */
    EXTERNAL
}
