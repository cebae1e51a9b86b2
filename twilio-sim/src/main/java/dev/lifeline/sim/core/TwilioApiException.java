package dev.lifeline.sim.core;

/**
 * A client error answered in Twilio's JSON error shape
 * {@code {"code":…,"message":…,"more_info":…,"status":…}}. Never used for 5xx: twilio-java retries 5xx
 * three times, which would turn one create into three.
 */
public final class TwilioApiException extends RuntimeException {

    private final int status;
    private final int code;

    public TwilioApiException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static TwilioApiException notFound(String what, String sid) {
        return new TwilioApiException(404, 20404, "The requested resource " + what + " " + sid + " was not found");
    }

    public static TwilioApiException badRequest(String message) {
        return new TwilioApiException(400, 20001, message);
    }

    /**
     * Participant create with a {@code Label} another active participant of the conference carries (error 16026;
     * labels are unique among a conference's active participants, however each was added).
     */
    public static TwilioApiException participantLabelInUse(String label) {
        return new TwilioApiException(400, 16026, "Participant label '" + label
                + "' is in use by another participant in this conference");
    }

    public static TwilioApiException missingParameter(String name) {
        return new TwilioApiException(400, 20001, "Missing required parameter " + name + " in the post body");
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
