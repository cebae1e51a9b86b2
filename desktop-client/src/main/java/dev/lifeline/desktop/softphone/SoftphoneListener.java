package dev.lifeline.desktop.softphone;

/** What a softphone reports; called on the softphone's own thread. */
public interface SoftphoneListener {

    /** A call to {@code client:<identity>} rings. */
    void ringing(String callSid, String from);

    /** A ringing call stopped before it was answered (the caller gave up, another agent took it). */
    default void ringCancelled(String callSid, String reason) {
    }

    /** The answered call is in a conference now. */
    default void connected(String callSid, String conferenceSid) {
    }

    /** The answered call ended, for whatever reason. */
    default void callEnded(String callSid, String reason) {
    }

    /** Registration was gained or lost (the voice plane went away). */
    default void registration(boolean registered) {
    }

    /** The phone's state changed (registering, ready, failed with a reason, an audio problem appeared). */
    default void stateChanged(SoftphoneState state) {
    }

    /** The far end pressed a key (RFC 4733 telephone-event) in the answered call. */
    default void digitReceived(String callSid, char key) {
    }

    /** The answered call went on or off hold: by this side ({@code heldHere}) or by the far end. */
    default void holdChanged(String callSid, boolean heldHere, boolean heldByFarEnd) {
    }
}
