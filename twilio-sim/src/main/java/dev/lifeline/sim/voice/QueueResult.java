package dev.lifeline.sim.voice;

/** {@code <Enqueue action>}'s {@code QueueResult} values, as TwiML Voice: &lt;Enqueue&gt; lists them. */
enum QueueResult {
    BRIDGED("bridged"),
    ERROR("error"),
    HANGUP("hangup"),
    LEAVE("leave"),
    REDIRECTED("redirected"),
    REDIRECTED_FROM_BRIDGED("redirected-from-bridged"),
    QUEUE_FULL("queue-full"),
    SYSTEM_ERROR("system-error");

    private final String wire;

    QueueResult(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
