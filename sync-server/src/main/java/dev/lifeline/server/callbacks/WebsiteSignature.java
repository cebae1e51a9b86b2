package dev.lifeline.server.callbacks;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The website API's request signature: {@value #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256, keyed
 * with {@code callbacks.website-secret}, of {@value #TIMESTAMP_HEADER} (Unix seconds), a dot and the raw body. The
 * timestamp must be within the replay window of now, and a signature is taken once: the same request sent again
 * inside the window is refused (the map remembering it expires after the window, when the timestamp alone refuses it).
 * Every refusal is the same 401, so nothing tells a forger which part was wrong.
 */
public final class WebsiteSignature {

    public static final String TIMESTAMP_HEADER = "X-Lifeline-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Lifeline-Signature";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Long> seen;

    /** @param seen signatures already taken, shared by the cluster, expiring after {@code window} */
    public WebsiteSignature(String secret, Duration window, Clock clock, Map<String, Long> seen) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.window = window;
        this.clock = clock;
        this.seen = seen;
    }

    /** @throws ApiProblem 401 unless the request is signed, fresh and new */
    public void verify(String timestamp, String signature, byte[] body) {
        if (secret.length == 0) {
            throw refused("the website API is off (no callbacks.website-secret)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw refused();
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > window.toSeconds()) {
            throw refused();
        }
        byte[] expected = (PREFIX + sign(seconds, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature == null ? new byte[0] : signature.strip().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused();
        }
        if (seen.putIfAbsent(new String(expected, StandardCharsets.US_ASCII), seconds) != null) {
            throw refused();
        }
    }

    /** The header value a website sends for this body at this time (its side of the contract; tests use it too). */
    public static String header(String secret, long epochSeconds, byte[] body) {
        return PREFIX + hmac(secret.getBytes(StandardCharsets.UTF_8), epochSeconds, body);
    }

    private String sign(long epochSeconds, byte[] body) {
        return hmac(secret, epochSeconds, body);
    }

    private static String hmac(byte[] key, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ApiProblem refused() {
        return refused("the request's signature is missing, wrong, stale or used already");
    }

    private static ApiProblem refused(String detail) {
        return new ApiProblem(Problem.unauthorized(detail));
    }
}
