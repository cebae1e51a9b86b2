package dev.lifeline.sim.media;

/** A file that is not a WAV the emulator can play; the message says what it is. */
public final class WavFormatException extends RuntimeException {

    public WavFormatException(String message) {
        super(message);
    }
}
