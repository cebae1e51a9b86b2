package dev.lifeline.server.twilio;

/**
 * A Twilio REST call that failed. {@link #isPermanent()} separates "retrying cannot help" (4xx: the
 * resource is gone, the request is invalid) from "try again later" (5xx, 429, connection problems).
 */
public final class TwilioGatewayException extends RuntimeException {

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

    public boolean isPermanent() {
        return status >= 400 && status < 500 && status != 429;
    }
}
