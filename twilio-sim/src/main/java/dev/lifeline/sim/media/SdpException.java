package dev.lifeline.sim.media;

/** An SDP body the emulator cannot use; the message says why (it goes into a 488/400 reason). */
public final class SdpException extends RuntimeException {

    public SdpException(String message) {
        super(message);
    }
}
