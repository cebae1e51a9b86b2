package dev.lifeline.desktop.softphone.sdp;

/** A readable offer with nothing this softphone can accept (no audio, no G.711); answered 488. */
public final class SdpNotAcceptableException extends Exception {

    public SdpNotAcceptableException(String message) {
        super(message);
    }
}
