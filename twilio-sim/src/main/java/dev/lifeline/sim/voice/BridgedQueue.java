package dev.lifeline.sim.voice;

/**
 * A call a TaskRouter conference instruction took out of its queue: what its {@code <Enqueue>} action is told when the
 * bridge ends ({@code bridged}) or the call is moved elsewhere ({@code redirected-from-bridged}).
 *
 * @param action null when the {@code <Enqueue>} had none (the call goes on with its next verb)
 */
record BridgedQueue(String action, String method, String queueSid, long queueTimeSeconds) {
}
