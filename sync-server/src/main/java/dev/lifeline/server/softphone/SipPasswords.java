package dev.lifeline.server.softphone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each agent's SIP password, derived as HMAC-SHA256(cluster secret, "lifeline-sip-password:" + domain + ":" + identity)
 * and spelled in letters and digits.
 *
 * <p>Why derived rather than random and kept in Hazelcast: every member computes the same password from the secret
 * they already share ({@code auth.token-secret}, which must be the same on every member for sessions to work), so any
 * member hands out what the credential on Twilio holds, after a full cluster restart as well as after a partition
 * loss; and no clear-text password sits in a Hazelcast map, whose member port has neither authentication nor
 * encryption. Without the secret the password cannot be guessed (HMAC-SHA256, over 120 bits kept in 24 letters and digits). Changing the
 * secret changes every password; provisioning sets the credentials again at start, and desktops fetch theirs at
 * sign-in.
 */
public final class SipPasswords implements SipPasswordSource {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final int LENGTH = 24;

    private final byte[] secret;

    public SipPasswords(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the SIP password secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /**
     * Twilio's rules (12 characters or more, a digit, upper and lower case) hold by construction: the first three
     * characters come from each class, the rest from all of them.
     */
    @Override
    public String passwordOf(String domainName, String identity) {
        return spell(hmac("lifeline-sip-password:" + domainName + ":" + identity));
    }

    @Override
    public java.util.Optional<String> keptPasswordOf(String domainName, String identity) {
        return java.util.Optional.of(passwordOf(domainName, identity));
    }

    /** 24 characters of Twilio's password rules from 24 or more random (or pseudo-random) bytes. */
    static String spell(byte[] digest) {
        if (digest.length < LENGTH) {
            throw new IllegalArgumentException("need " + LENGTH + " bytes");
        }
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            String alphabet = switch (i) {
                case 0 -> UPPER;
                case 1 -> LOWER;
                case 2 -> DIGITS;
                default -> ALL;
            };
            password.append(alphabet.charAt((digest[i] & 0xFF) % alphabet.length()));
        }
        return password.toString();
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SipPasswords[***]";
    }
}
