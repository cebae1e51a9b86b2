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

    /** Registers the agent's address so calls to it ring here; {@code identity} names the agent in logs. */
    void register(String identity, SoftphoneListener listener);

    /** Picks up a ringing call. */
    void answer(String callSid);

    /** Declines a ringing call. */
    void reject(String callSid);

    /** Hangs up an answered call on purpose. */
    void hangUp(String callSid);

    /** The answered call in progress, if any. */
    Optional<String> activeCallSid();

    /** Whether the SIP registrar currently has this softphone's binding (calls can ring it). */
    boolean isRegistered();

    /**
     * Where the phone stands (for the status bar). The default suits phones that only know registered or not;
     * the SIP softphone reports registering and failures with their reason too.
     */
    default SoftphoneState state() {
        return isRegistered() ? SoftphoneState.ready() : SoftphoneState.unregistered();
    }

    /** Puts the answered call on hold (this side stops listening and sends silence) or takes it off hold. */
    default void hold(String callSid, boolean held) {
    }

    /** Stops (or resumes) sending the microphone in the answered call; the far end hears silence. */
    default void setMuted(boolean muted) {
    }

    default boolean isMuted() {
        return false;
    }

    /**
     * Sends a keypad key ({@code 0-9 * # A-D}) into the answered call as an RFC 4733 event.
     *
     * @return false when there is no answered call or the far end accepts no telephone-event
     */
    default boolean sendDigit(char key) {
        return false;
    }

    /** The microphone's level in the last 20 ms, in dBFS (for a meter); -96 when there is nothing to measure. */
    default double inputLevelDbfs() {
        return -96.0;
    }

    /**
     * Plays the ring tone on the phone's speaker while an offered call waits for the agent ({@code true}), or stops
     * it. The offer rings before any INVITE: Twilio dials the agent only once the reservation is accepted.
     */
    default void ringOffered(boolean ringing) {
    }

    /** Unregisters without hanging up: any call in progress drops, as when the process dies. */
    @Override
    void close();
}
