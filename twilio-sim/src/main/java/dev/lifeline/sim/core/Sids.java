package dev.lifeline.sim.core;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio-shaped identifiers: a two-letter type prefix and 32 lowercase hex digits (34 characters). */
public final class Sids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sids() {
    }

    /** @param prefix e.g. {@code CA} call, {@code CF} conference, {@code WT} task, {@code WR} reservation */
    public static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static boolean looksLike(String prefix, String candidate) {
        return candidate != null && candidate.length() == 34 && candidate.startsWith(prefix)
                && candidate.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
