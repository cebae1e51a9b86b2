package dev.lifeline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeline.model.auth.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived desktop session tokens: compact JWTs signed with HMAC-SHA256. Only {@code HS256} is accepted
 * (a token claiming {@code alg: none} or any other algorithm is refused before its signature is looked at),
 * signatures are compared in constant time, and expiry is checked against the injected clock.
 *
 * <p>A sign-in starts a session ({@code sid}, a random id, and {@code auth_time}, when the password was checked);
 * every token of it has its own id ({@code jti}). Refreshing issues the next token of the same session, never past
 * {@code auth_time} + the maximum session age: a session cannot be stretched forever by refreshing. Revocation
 * (logout, rotation) is not this class's business: it is pure signing and checking, see {@link SessionRevocations}.
 */
public final class TokenService {

    public static final Duration DEFAULT_SESSION_MAX_AGE = Duration.ofHours(12);
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final Duration ttl;
    private final Duration sessionMaxAge;
    private final Clock clock;

    public TokenService(byte[] secret, Duration ttl, Clock clock) {
        this(secret, ttl, DEFAULT_SESSION_MAX_AGE, clock);
    }

    public TokenService(byte[] secret, Duration ttl, Duration sessionMaxAge, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("token secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.sessionMaxAge = sessionMaxAge;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The first token of a new session (a sign-in with a password). */
    public IssuedToken issue(User user) {
        Instant now = clock.instant();
        return sign(user.identity(), user.role(), randomId(), now.truncatedTo(ChronoUnit.SECONDS), now);
    }

    /** The next token of {@code session}: a new token id, the same session, never valid past the session's end. */
    public IssuedToken next(Session session, User user) {
        return sign(user.identity(), user.role(), session.sessionId(), session.signedInAt(), clock.instant());
    }

    /** The expiry a token of {@code session} issued right now would have: the latest any of its tokens can have. */
    public Instant latestExpiryOfANewToken(Session session) {
        return min(clock.instant().plus(ttl), session.sessionEnds());
    }

    private IssuedToken sign(String identity, Role role, String sessionId, Instant signedInAt, Instant now) {
        Instant sessionEnds = signedInAt.plus(sessionMaxAge);
        Instant expires = min(now.plus(ttl), sessionEnds);
        String tokenId = randomId();
        ObjectNode claims = JSON.createObjectNode()
                .put("sub", identity)
                .put("role", role.name().toLowerCase(Locale.ROOT))
                .put("sid", sessionId)
                .put("jti", tokenId)
                .put("auth_time", signedInAt.getEpochSecond())
                .put("iat", now.getEpochSecond())
                .put("exp", expires.getEpochSecond());
        String payload = b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        Session session = new Session(identity, role, Instant.ofEpochSecond(expires.getEpochSecond()), sessionId, tokenId,
                signedInAt, sessionEnds);
        return new IssuedToken(signingInput + "." + b64(sign(signingInput)), session);
    }

    /** @return the session if the token is well-formed, HS256, correctly signed, not expired and its session not too old */
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
            Instant signedInAt = Instant.ofEpochSecond(claims.path("auth_time").asLong(0));
            Instant sessionEnds = signedInAt.plus(sessionMaxAge);
            Role role = Role.valueOf(claims.path("role").asText("").toUpperCase(Locale.ROOT));
            String identity = claims.path("sub").asText("");
            String sessionId = claims.path("sid").asText("");
            String tokenId = claims.path("jti").asText("");
            Instant now = clock.instant();
            if (identity.isEmpty() || sessionId.isEmpty() || tokenId.isEmpty() || !now.isBefore(expires)
                    || !now.isBefore(sessionEnds)) {
                return Optional.empty();
            }
            return Optional.of(new Session(identity, role, expires, sessionId, tokenId, signedInAt, sessionEnds));
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

    private static String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return b64(id);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record IssuedToken(String token, Session session) {

        public Instant expiresAt() {
            return session.expiresAt();
        }

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + session.expiresAt() + "]";
        }
    }

    /**
     * Who is calling, as proven by a valid token.
     *
     * @param sessionId   the sign-in this token belongs to (the same across refreshes; what logout ends)
     * @param tokenId     this token (what a refresh retires)
     * @param signedInAt  when the password was checked
     * @param sessionEnds when the session ends however often it is refreshed
     */
    public record Session(String identity, Role role, Instant expiresAt, String sessionId, String tokenId,
                          Instant signedInAt, Instant sessionEnds) {
        public boolean isSupervisor() {
            return role == Role.SUPERVISOR;
        }
    }
}
