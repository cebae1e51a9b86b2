package dev.lifeline.sim.core;

import java.util.Map;

/**
 * What TaskRouter offers the voice side: {@code <Enqueue workflowSid="…"><Task priority="…">json</Task></Enqueue>}.
 * Implemented by the TaskRouter emulator, called by the voice emulator while it holds the world lock.
 */
public interface CallQueue {

    /**
     * Creates the task for a call that entered {@code <Enqueue>}. As at Twilio, the task's attributes are the
     * call's own parameters in snake case ({@code call_sid}, {@code account_sid}, {@code from}, {@code to},
     * {@code caller}, {@code called}, {@code direction}, {@code api_version}) with the {@code <Task>} JSON on top.
     *
     * @param callAttributes the call's parameters; {@code call_sid} is required
     * @param priority       null for the workflow default
     * @param timeoutSeconds null for the default TTL
     * @return the new task's SID
     * @throws TwilioApiException for an unknown workflow or attributes that are not a JSON object
     */
    String enqueue(Map<String, Object> callAttributes, String workflowSid, String attributesJson, Integer priority,
                   Integer timeoutSeconds);

    /** {@link #enqueue(Map, String, String, Integer, Integer)} for a call known only by its SID (tests, tools). */
    default String enqueue(String callSid, String workflowSid, String attributesJson, Integer priority,
                           Integer timeoutSeconds) {
        return enqueue(Map.of("call_sid", callSid), workflowSid, attributesJson, priority, timeoutSeconds);
    }

    /**
     * The queued call hung up (or was redirected to other TwiML) before a worker took it: TaskRouter cancels
     * its task if it is still pending or reserved.
     */
    void callLeftQueue(String callSid, String reason);
}
