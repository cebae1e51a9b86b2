package dev.lifeline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived desktop session tokens: compact JWTs signed with HMAC-SHA256. Only {@code HS256} is accepted
 * (a token claiming {@code alg: none} or any other algorithm is refused before its signature is looked at),
 * signatures are compared in constant time, and expiry is checked against the injected clock.
 */
public final class TokenService {

    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    public TokenService(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("token secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public IssuedToken issue(User user) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        ObjectNode claims = JSON.createObjectNode()
                .put("sub", user.identity())
                .put("role", user.role().name().toLowerCase(Locale.ROOT))
                .put("iat", now.getEpochSecond())
                .put("exp", expires.getEpochSecond());
        String payload = b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return new IssuedToken(signingInput + "." + b64(sign(signingInput)), expires);
    }

    /** @return the session if the token is well-formed, HS256, correctly signed and not expired */
    public Optional<Session> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            Role role = Role.valueOf(claims.path("role").asText("").toUpperCase(Locale.ROOT));
            String identity = claims.path("sub").asText("");
            if (identity.isEmpty() || !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Session(identity, role, expires));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record IssuedToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Who is calling, as proven by a valid token. */
    public record Session(String identity, Role role, Instant expiresAt) {
        public boolean isSupervisor() {
            return role == Role.SUPERVISOR;
        }
    }
}
