package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private final User alice = new User("alice", "Alice", Role.AGENT, "x");

    private TokenService at(Instant now) {
        return new TokenService(SECRET, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void issuedTokenVerifiesToTheSameIdentityAndRole() {
        String token = at(NOW).issue(alice).token();

        assertThat(at(NOW.plusSeconds(60)).verify(token))
                .hasValueSatisfying(s -> {
                    assertThat(s.identity()).isEqualTo("alice");
                    assertThat(s.role()).isEqualTo(Role.AGENT);
                });
    }

    @Test
    void expiredTokenIsRefused() {
        String token = at(NOW).issue(alice).token();

        assertThat(at(NOW.plus(Duration.ofMinutes(15))).verify(token)).isEmpty();
    }

    @Test
    void tamperedClaimsAreRefused() {
        String[] parts = at(NOW).issue(alice).token().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"agent\"", "\"supervisor\"").getBytes(StandardCharsets.UTF_8));

        assertThat(at(NOW).verify(parts[0] + "." + forged + "." + parts[2])).isEmpty();
    }

    @Test
    void algNoneTokenIsRefused() {
        String[] parts = at(NOW).issue(alice).token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(at(NOW).verify(none + "." + parts[1] + ".")).isEmpty();
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        TokenService other = new TokenService("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(at(NOW).verify(other.issue(alice).token())).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        assertThat(at(NOW).verify("not.a.token")).isEmpty();
        assertThat(at(NOW).verify("")).isEmpty();
        assertThat(at(NOW).verify(null)).isEmpty();
    }

    private TokenService withMaxAge(Instant now, Duration maxAge) {
        return new TokenService(SECRET, Duration.ofMinutes(15), maxAge, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aRefreshKeepsTheSessionAndGivesTheTokenANewId() {
        TokenService.Session first = at(NOW).issue(alice).session();
        TokenService.Session next = at(NOW.plusSeconds(600)).next(first, alice).session();

        assertThat(next.sessionId()).isEqualTo(first.sessionId());
        assertThat(next.tokenId()).isNotEqualTo(first.tokenId());
        assertThat(next.signedInAt()).isEqualTo(first.signedInAt());
        assertThat(at(NOW).issue(alice).session().sessionId()).as("a new sign-in, a new session").isNotEqualTo(first.sessionId());
    }

    @Test
    void refreshingNeverTakesASessionPastItsMaximumAge() {
        Duration maxAge = Duration.ofHours(1);
        TokenService.IssuedToken token = withMaxAge(NOW, maxAge).issue(alice);
        for (Instant now = NOW.plusSeconds(600); now.isBefore(NOW.plus(maxAge)); now = now.plusSeconds(600)) {
            token = withMaxAge(now, maxAge).next(withMaxAge(now, maxAge).verify(token.token()).orElseThrow(), alice);
        }

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(maxAge));
        assertThat(withMaxAge(NOW.plus(maxAge).minusSeconds(1), maxAge).verify(token.token())).isPresent();
        assertThat(withMaxAge(NOW.plus(maxAge), maxAge).verify(token.token())).isEmpty();
    }

    @Test
    void aTokenWithoutSessionOrTokenIdIsRefused() {
        // What this server issued before sessions had ids: valid signature, no sid/jti.
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"alice\",\"role\":\"agent\","
                + "\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(900).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + payload + "." + hmac(header + "." + payload);

        assertThat(at(NOW).verify(signed)).isEmpty();
    }

    private static String hmac(String input) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
