package dev.lifeline.server.recovery;

/** What a conference participant is to the interaction. */
public enum PartyRole {
    /** An agent's leg, registered when the server accepted the agent's voice reservation. */
    WORKER,
    /** The caller the interaction is about (the task's {@code call_sid}). */
    CUSTOMER,
    /** Anyone else: a third party dialled in, a consultation leg. */
    EXTERNAL,
    /**
     * A supervisor listening, whispering or barging in (its label says so): never a party of the interaction, so never
     * restored or moved by a recovery, and it leaves when the last agent does.
     */
    SUPERVISOR
}
