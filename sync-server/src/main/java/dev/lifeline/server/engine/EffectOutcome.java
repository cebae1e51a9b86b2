package dev.lifeline.server.engine;

/**
 * How performing one effect went. {@code RETRY_LATER} leaves it pending for the reconciler (Twilio 5xx/429,
 * network); {@code FAILED} records that Twilio refused it for good (a 4xx: unknown to the account, invalid) while what
 * it acts on may still be there; {@code TARGET_GONE} that the call it acts on has ended, so there is nothing to do.
 */
public record EffectOutcome(Kind kind, String detail) {

    public enum Kind { DONE, FAILED, TARGET_GONE, RETRY_LATER }

    public static EffectOutcome done(String detail) {
        return new EffectOutcome(Kind.DONE, detail);
    }

    public static EffectOutcome failed(String why) {
        return new EffectOutcome(Kind.FAILED, why);
    }

    public static EffectOutcome targetGone(String why) {
        return new EffectOutcome(Kind.TARGET_GONE, why);
    }

    public static EffectOutcome retryLater(String why) {
        return new EffectOutcome(Kind.RETRY_LATER, why);
    }
}
