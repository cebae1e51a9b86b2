package dev.lifeline.server.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a configured token-signing secret must be: at least {@value #MIN_BYTES} bytes, at least
 * {@value #MIN_DISTINCT_BYTES} distinct byte values, and not one short piece repeated ({@code changeme} × 4,
 * {@code 0123456789abcdef} × 2). The distinct-byte floor is 10 rather than 16 on purpose: a 32- or 64-character
 * hex secret ({@code openssl rand -hex 32}) draws from 16 symbols and would miss a few of them by chance; such a
 * secret has 10 or more distinct bytes with near certainty, a typed phrase repeated to reach the length does not.
 */
public final class TokenSecretRule {

    public static final int MIN_BYTES = 32;
    public static final int MIN_DISTINCT_BYTES = 10;
    public static final String RULE = "at least " + MIN_BYTES + " bytes, at least " + MIN_DISTINCT_BYTES
            + " distinct characters and not a short piece repeated (e.g. openssl rand -base64 48)";

    private TokenSecretRule() {
    }

    /** @return what is wrong with the secret, or empty when it passes */
    public static Optional<String> problemWith(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            return Optional.of("is " + bytes.length + " bytes; it must be " + RULE);
        }
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        if (distinct < MIN_DISTINCT_BYTES) {
            return Optional.of("has only " + distinct + " distinct characters; it must be " + RULE);
        }
        int period = shortestPeriod(bytes);
        if (period <= bytes.length / 2) {
            return Optional.of("repeats a piece of " + period + " characters; it must be " + RULE);
        }
        return Optional.empty();
    }

    /** The shortest p such that the secret is its first p bytes repeated (the whole length when it is not). */
    private static int shortestPeriod(byte[] bytes) {
        for (int period = 1; period <= bytes.length / 2; period++) {
            boolean repeats = true;
            for (int i = period; i < bytes.length && repeats; i++) {
                repeats = bytes[i] == bytes[i - period];
            }
            if (repeats) {
                return period;
            }
        }
        return bytes.length;
    }
}
