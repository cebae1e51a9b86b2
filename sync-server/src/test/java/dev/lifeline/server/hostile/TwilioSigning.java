package dev.lifeline.server.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Twilio does (twilio-api.md §5), written independently of both the emulator's signer and
 * twilio-java's validator so the matrix does not test a piece of code against itself: Base64(HMAC-SHA1(AuthToken,
 * URL + every POST parameter sorted by name as name+value)); JSON deliveries sign only the URL, which carries
 * {@code bodySHA256=<lowercase hex SHA-256 of the body>}.
 */
public final class TwilioSigning {

    private TwilioSigning() {
    }

    public static String signForm(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return hmacSha1(authToken, data.toString());
    }

    static String signUrl(String authToken, String url) {
        return hmacSha1(authToken, url);
    }

    static String bodySha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
