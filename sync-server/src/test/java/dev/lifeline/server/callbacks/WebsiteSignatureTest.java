package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class WebsiteSignatureTest {

    private static final String SECRET = "website-shared-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-05T18:00:00Z");
    private static final byte[] BODY = "{\"number\":\"+15551230002\",\"dueAt\":\"2026-12-07T09:30\"}".getBytes(StandardCharsets.UTF_8);

    private final WebsiteSignature signature = new WebsiteSignature(SECRET, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC), new ConcurrentHashMap<>());

    @Test
    void aFreshlySignedRequestPassesOnce() {
        long at = NOW.getEpochSecond() - 60;
        String header = WebsiteSignature.header(SECRET, at, BODY);

        assertThatCode(() -> signature.verify(String.valueOf(at), header, BODY)).doesNotThrowAnyException();
        assertRefused(String.valueOf(at), header, BODY);
    }

    @Test
    void everyForgeryIsRefusedAlike() {
        long at = NOW.getEpochSecond();
        String good = WebsiteSignature.header(SECRET, at, BODY);
        byte[] changed = "{\"number\":\"+15551230003\",\"dueAt\":\"2026-12-07T09:30\"}".getBytes(StandardCharsets.UTF_8);

        assertRefused(String.valueOf(at), good, changed);
        assertRefused(String.valueOf(at + 1), good, BODY);
        assertRefused(String.valueOf(at), WebsiteSignature.header("another-secret", at, BODY), BODY);
        long stale = at - Duration.ofMinutes(6).toSeconds();
        assertRefused(String.valueOf(stale), WebsiteSignature.header(SECRET, stale, BODY), BODY);
        long ahead = at + Duration.ofMinutes(6).toSeconds();
        assertRefused(String.valueOf(ahead), WebsiteSignature.header(SECRET, ahead, BODY), BODY);
        assertRefused(null, good, BODY);
        assertRefused("yesterday", good, BODY);
        assertRefused(String.valueOf(at), null, BODY);
        assertRefused(String.valueOf(at), good.toUpperCase(), BODY);
    }

    @Test
    void withoutASecretTheApiIsOff() {
        WebsiteSignature off = new WebsiteSignature("", Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC),
                new ConcurrentHashMap<>());
        long at = NOW.getEpochSecond();

        assertThatThrownBy(() -> off.verify(String.valueOf(at), WebsiteSignature.header("x", at, BODY), BODY))
                .isInstanceOf(ApiProblem.class).satisfies(e -> org.assertj.core.api.Assertions
                        .assertThat(((ApiProblem) e).problem().status()).isEqualTo(401));
    }

    private void assertRefused(String timestamp, String header, byte[] body) {
        assertThatThrownBy(() -> signature.verify(timestamp, header, body)).isInstanceOf(ApiProblem.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiProblem) e).problem().status()).isEqualTo(401));
    }
}
