package dev.lifeline.desktop.softphone;

import java.util.Optional;

/**
 * The agent's voice leg. It lives inside the desktop process on purpose: when the process dies the leg drops
 * exactly as a browser refresh drops a Flex agent's WebRTC leg, which is the failure Lifeline recovers from.
 *
 * <p>Implementations deliver {@link SoftphoneListener} callbacks on their own threads; the owner hops to the
 * UI thread. A graceful {@link #hangUp(String)} must only be called after the server has been told (the
 * {@code hangup} command), so the server never mistakes it for a drop.
 */
public interface Softphone extends AutoCloseable {

    /** Registers {@code client:<identity>} so calls to that address ring here. */
    void register(String identity, SoftphoneListener listener);

    /** Picks up a ringing call. */
    void answer(String callSid);

    /** Declines a ringing call. */
    void reject(String callSid);

    /** Hangs up an answered call on purpose. */
    void hangUp(String callSid);

    /** The answered call in progress, if any. */
    Optional<String> activeCallSid();

    /** Whether the voice plane currently knows this softphone (calls can ring it). */
    boolean isRegistered();

    /** Leaves the voice plane without hanging up: any call in progress drops, as when the process dies. */
    @Override
    void close();
}
