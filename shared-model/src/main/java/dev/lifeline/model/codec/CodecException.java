package dev.lifeline.model.codec;

/**
 * JSON could not be encoded or decoded. The message is meant for people (a log line, a 400 {@code Problem}):
 * it names the field by its path and says what is wrong, e.g. {@code "reservations[0].status: unknown value
 * \"sleeping\" (expected one of: pending, accepted, …)"}, and never contains a stack trace or library class names.
 */
public final class CodecException extends RuntimeException {

    private final String path;
    private final String reason;

    public CodecException(String path, String reason, Throwable cause) {
        super(path.isEmpty() ? reason : path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** Where in the document it went wrong ({@code "incident.attempt"}); empty when it concerns the whole document. */
    public String path() {
        return path;
    }

    /** What went wrong there, without the path ({@code "missing required field"}). */
    public String reason() {
        return reason;
    }
}
