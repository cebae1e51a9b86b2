package dev.lifeline.sim.sipdomain;

import dev.lifeline.sim.core.TwilioApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Twilio's rules for SIP credentials (sip-credential-resource): a username of up to 32 characters, a password of at
 * least 12 characters with a digit, a lower-case and an upper-case letter. The HTTP code for a refused password is
 * not documented: the emulator answers 400 with code 20001 naming the rule (assumed).
 */
public final class CredentialRules {

    /**
     * The digest realm of every challenge. Twilio stores only an MD5 digest of each password ("hashed in accordance
     * with the digest authentication specification"), and a credential list serves any number of domains, so the realm
     * cannot depend on the domain: the emulator uses {@code sip.twilio.com} for all of them (assumed; see README).
     */
    public static final String REALM = "sip.twilio.com";
    public static final int USERNAME_MAX = 32;
    public static final int PASSWORD_MIN = 12;
    /** RFC 3261 user part characters (unreserved and user-unreserved), without escapes. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9\\-_.!~*'()&=+$,;?/]+");

    private CredentialRules() {
    }

    static void checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            throw TwilioApiException.missingParameter("Username");
        }
        if (username.length() > USERNAME_MAX) {
            throw TwilioApiException.badRequest("Username must be at most " + USERNAME_MAX + " characters");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw TwilioApiException.badRequest("Username may contain only characters allowed in a SIP user part");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw TwilioApiException.missingParameter("Password");
        }
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        if (password.length() < PASSWORD_MIN || !digit || !lower || !upper) {
            throw TwilioApiException.badRequest("Password must be at least " + PASSWORD_MIN
                    + " characters long and contain at least one digit and mixed case (e.g. IWasAtSignal2018)");
        }
    }

    /** {@code HA1 = MD5(username:realm:password)}, lower-case hex. */
    public static String ha1(String username, String password) {
        return md5(username + ":" + REALM + ":" + password);
    }

    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
