package dev.lifeline.desktop.softphone.media;

/** A datagram that is not an RTP packet this softphone can read; the receiver drops it and carries on. */
public final class RtpFormatException extends Exception {

    public RtpFormatException(String message) {
        super(message);
    }
}
