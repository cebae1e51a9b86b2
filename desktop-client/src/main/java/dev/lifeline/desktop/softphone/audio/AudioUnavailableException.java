package dev.lifeline.desktop.softphone.audio;

/** A microphone or speaker that cannot be opened; the message is plain words for the agent ("no microphone found"). */
public final class AudioUnavailableException extends Exception {

    public AudioUnavailableException(String plainReason, Throwable cause) {
        super(plainReason, cause);
    }
}
