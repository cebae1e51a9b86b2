package dev.lifeline.sim.twiml;

/** TwiML the emulator cannot run: malformed XML, an unknown verb or a bad attribute. */
public final class TwimlException extends RuntimeException {

    public TwimlException(String message) {
        super(message);
    }

    public TwimlException(String message, Throwable cause) {
        super(message, cause);
    }
}
