package dev.lifeline.server.engine;

/**
 * How performing one effect went. {@code RETRY_LATER} leaves it pending for the reconciler (Twilio 5xx/429,
 * network); {@code FAILED} records that retrying cannot help (the call is gone, the request is invalid).
 */
public record EffectOutcome(Kind kind, String detail) {

    public enum Kind { DONE, FAILED, RETRY_LATER }

    public static EffectOutcome done(String detail) {
        return new EffectOutcome(Kind.DONE, detail);
    }

    public static EffectOutcome failed(String why) {
        return new EffectOutcome(Kind.FAILED, why);
    }

    public static EffectOutcome retryLater(String why) {
        return new EffectOutcome(Kind.RETRY_LATER, why);
    }
}
