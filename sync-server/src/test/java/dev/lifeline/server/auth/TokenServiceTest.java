package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
}
