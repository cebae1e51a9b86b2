package dev.lifeline.desktop.softphone.sdp;

/** A session description that cannot be read; an INVITE carrying one is answered 400. */
public final class SdpFormatException extends Exception {

    public SdpFormatException(String message) {
        super(message);
    }
}
