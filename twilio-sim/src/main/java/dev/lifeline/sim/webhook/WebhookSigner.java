package dev.lifeline.sim.webhook;

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
 * Signs callbacks exactly as Twilio does (twilio-api.md §5): Base64(HMAC-SHA1(authToken, data)).
 * Form posts sign the URL followed by every parameter sorted by name as {@code name + value}; JSON posts
 * get {@code bodySHA256=<lowercase hex>} appended to the URL and the URL alone is signed.
 */
public final class WebhookSigner {

    private final byte[] authToken;

    public WebhookSigner(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    public String signForm(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value == null ? "" : value));
        return hmacSha1(data.toString());
    }

    /** @return the URL Twilio posts a JSON body to: the configured URL plus {@code bodySHA256}. */
    public static String urlWithBodyHash(String url, String body) {
        String hash = sha256Hex(body);
        return url + (url.contains("?") ? "&" : "?") + "bodySHA256=" + hash;
    }

    public String signUrl(String url) {
        return hmacSha1(url);
    }

    static String sha256Hex(String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String hmacSha1(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
