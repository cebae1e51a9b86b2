package dev.lifeline.sim.sip;

import dev.lifeline.sim.sipdomain.CredentialRules;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP digest as SIP uses it (RFC 2617, RFC 3261 §22): nonces the registrar issued, and the check of an
 * {@code Authorization} answer against a stored HA1 (with or without {@code qop=auth}). Thread-safe.
 */
final class DigestAuth {

    private static final int REMEMBERED_NONCES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Issued nonces, oldest first; a bounded memory so a REGISTER flood cannot grow it without end. */
    private final Map<String, Boolean> nonces = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_NONCES;
        }
    };

    synchronized String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        nonces.put(nonce, Boolean.TRUE);
        return nonce;
    }

    synchronized boolean issued(String nonce) {
        return nonce != null && nonces.containsKey(nonce);
    }

    /**
     * Whether {@code answer} proves knowledge of the password behind {@code ha1}.
     *
     * @param method the request method ({@code REGISTER}); HA2 = MD5(method:digest-uri)
     */
    static boolean verifies(Answer answer, String ha1, String method) {
        if (ha1 == null || answer.response() == null || answer.uri() == null || answer.nonce() == null) {
            return false;
        }
        if (answer.algorithm() != null && !answer.algorithm().equalsIgnoreCase("MD5")) {
            return false;
        }
        String ha2 = CredentialRules.md5(method + ":" + answer.uri());
        String expected;
        if (answer.qop() == null || answer.qop().isEmpty()) {
            expected = CredentialRules.md5(ha1 + ":" + answer.nonce() + ":" + ha2);
        } else if (answer.qop().equalsIgnoreCase("auth") && answer.cnonce() != null && answer.nonceCount() != null) {
            expected = CredentialRules.md5(ha1 + ":" + answer.nonce() + ":" + answer.nonceCount() + ":" + answer.cnonce()
                    + ":auth:" + ha2);
        } else {
            return false;
        }
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                answer.response().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The fields of an {@code Authorization: Digest …} header; {@code nonceCount} as its 8 hex digits. */
    record Answer(String username, String realm, String nonce, String uri, String response, String algorithm,
                  String qop, String cnonce, String nonceCount) {
    }
}
