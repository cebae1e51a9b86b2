package dev.lifeline.sim.voiceplane;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may register a softphone. Either the account auth token itself (trusted tools and tests), or a
 * per-identity token: Base64url(HMAC-SHA256(authToken, "voice-plane:" + identity)), without padding. The
 * server that holds the auth token mints the per-identity token for its desktop, so a desktop never sees the
 * account secret and can register only as itself.
 */
public final class VoicePlaneTokens {

    private final byte[] authToken;

    public VoicePlaneTokens(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The token that lets exactly {@code identity} register. */
    public String forIdentity(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken, "HmacSHA256"));
            byte[] digest = mac.doFinal(("voice-plane:" + identity).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean accepts(String identity, String token) {
        if (token == null || identity == null) {
            return false;
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, authToken)
                || MessageDigest.isEqual(given, forIdentity(identity).getBytes(StandardCharsets.UTF_8));
    }
}
