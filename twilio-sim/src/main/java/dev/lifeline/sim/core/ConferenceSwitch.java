package dev.lifeline.sim.core;

/**
 * What the voice side offers TaskRouter: carrying out a reservation's {@code conference} instruction.
 * Implemented by the voice emulator, called by the TaskRouter emulator while it holds the world lock.
 */
public interface ConferenceSwitch {

    /**
     * Dials {@code instruction.to()} (the worker's {@code contact_uri} unless the instruction overrides it)
     * into the conference named {@code instruction.conferenceName()} (Twilio names it by the task SID)
     * and moves the customer call into the same conference.
     *
     * @return the worker leg's call SID, known at once; how the leg fares is told to {@code listener}
     * @throws TwilioApiException if the instruction cannot be carried out (e.g. the customer call is gone)
     */
    String connect(ConferenceInstruction instruction, WorkerLegListener listener);

    /** How the worker's leg of a conference instruction fares. Called while the world lock is held. */
    interface WorkerLegListener {

        /** The worker answered and joined the conference. */
        void answered(String workerCallSid, String conferenceSid);

        /** The worker never joined: {@code callStatus} is {@code no-answer}, {@code busy}, {@code failed} or {@code canceled}. */
        void failed(String workerCallSid, String callStatus);

        /** The worker's leg left the conference, gracefully or not: TaskRouter moves task and reservation to wrapping. */
        void left(String workerCallSid, String conferenceSid);
    }
}
