package dev.lifeline.sim.core;

/**
 * What TaskRouter offers the voice side: {@code <Enqueue workflowSid="…"><Task priority="…">json</Task></Enqueue>}.
 * Implemented by the TaskRouter emulator, called by the voice emulator while it holds the world lock.
 */
public interface CallQueue {

    /**
     * Creates the task for a call that entered {@code <Enqueue>}; the task's attributes are the
     * {@code <Task>} JSON with {@code call_sid} added, as Twilio does.
     *
     * @param priority       null for the workflow default
     * @param timeoutSeconds null for the default TTL
     * @return the new task's SID
     * @throws TwilioApiException for an unknown workflow or attributes that are not a JSON object
     */
    String enqueue(String callSid, String workflowSid, String attributesJson, Integer priority, Integer timeoutSeconds);

    /**
     * The queued call hung up (or was redirected to other TwiML) before a worker took it: TaskRouter cancels
     * its task if it is still pending or reserved.
     */
    void callLeftQueue(String callSid, String reason);
}
