package dev.lifeline.server.twilio;

/**
 * A Twilio REST call that failed. {@link #isPermanent()} separates "retrying cannot help" (4xx: the
 * resource is gone, the request is invalid) from "try again later" (5xx, 429, connection problems).
 */
public final class TwilioGatewayException extends RuntimeException {

    private static final int PARTICIPANT_LABEL_IN_USE = 16026;

    private final int status;
    private final Integer code;

    public TwilioGatewayException(String operation, int status, Integer code, String message, Throwable cause) {
        super(operation + " failed" + (status > 0 ? " (" + status + (code != null ? "/" + code : "") + ")" : "") + ": " + message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * Twilio's 16026: a participant create named a {@code Label} that another active participant of the conference holds
     * (labels are unique among a conference's participants, however each was added).
     */
    public boolean isParticipantLabelInUse() {
        return code != null && code == PARTICIPANT_LABEL_IN_USE;
    }

    public boolean isPermanent() {
        return status >= 400 && status < 500 && status != 429;
    }
}
