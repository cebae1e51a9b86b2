package dev.lifeline.server.hostile;

import dev.lifeline.server.auth.TokenService;
import dev.lifeline.server.desktop.DesktopFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens an attacker can make without the server's secret, each aimed at a real user: the classic JWT attacks
 * ({@code alg: none} with and without a signature, a stripped signature, an upper-case {@code NONE}, a token from
 * another server's key, a payload changed after signing) next to the fixture's expired one.
 */
enum ForgedTokens {
    EXPIRED, TAMPERED, ALG_NONE, ALG_NONE_AS_SUPERVISOR, ALG_NONE_UPPER_CASE_AS_SUPERVISOR, ALG_NONE_KEEPING_SIGNATURE,
    SIGNATURE_STRIPPED, OTHER_SERVERS_KEY, GARBAGE, EMPTY, NO_TOKEN;

    private static final byte[] OTHER_SECRET = "another-lifeline-server-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    /** This forgery, aimed at {@code identity} (supervisor variants claim the supervisor {@code sam}); null: no token at all. */
    String against(DesktopFixture server, String identity) {
        String real = server.token(identity);
        String[] parts = real.split("\\.");
        long now = Instant.now().getEpochSecond();
        return switch (this) {
            case EXPIRED -> server.expiredToken(identity);
            case TAMPERED -> tampered(parts, identity);
            case ALG_NONE -> unsigned("none", identity, "agent", now);
            case ALG_NONE_AS_SUPERVISOR -> unsigned("none", "sam", "supervisor", now);
            case ALG_NONE_UPPER_CASE_AS_SUPERVISOR -> unsigned("NONE", "sam", "supervisor", now);
            case ALG_NONE_KEEPING_SIGNATURE -> b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
            case SIGNATURE_STRIPPED -> parts[0] + "." + parts[1] + ".";
            case OTHER_SERVERS_KEY -> new TokenService(OTHER_SECRET, Duration.ofHours(1), Clock.systemUTC())
                    .issue(server.users.find(identity).orElseThrow()).token();
            case GARBAGE -> "not.a.jwt";
            case EMPTY -> "";
            case NO_TOKEN -> null;
        };
    }

    /** The real token with its payload changed after signing: an agent claims the supervisor role, a supervisor another name. */
    private static String tampered(String[] parts, String identity) {
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.contains("\"agent\"") ? payload.replace("\"agent\"", "\"supervisor\"")
                : payload.replace("\"sub\":\"" + identity + "\"", "\"sub\":\"alice\"");
        if (changed.equals(payload)) {
            throw new IllegalStateException("could not tamper with " + payload);
        }
        return parts[0] + "." + b64(changed) + "." + parts[2];
    }

    private static String unsigned(String alg, String subject, String role, long now) {
        return b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "."
                + b64("{\"sub\":\"" + subject + "\",\"role\":\"" + role + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
