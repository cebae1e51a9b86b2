package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 item 4 against the running server behind a (trusted, loopback) proxy: the throttle ran before the
 * password check and counted every attempt per name at the proxy's address, so six bad tries by anyone made the
 * agent's right password answer 429. Now only failures count, per name and real client address, and a success
 * clears them.
 */
class LockoutTest {

    private static SignInServer server;

    @BeforeAll
    static void start() {
        server = new SignInServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGuesserElsewhereLocksOnlyThemselvesOutNotTheAgent() {
        int perAccount = server.server.signInThrottle().limits().perAccount();
        for (int i = 0; i < perAccount; i++) {
            assertThat(server.signIn("alice", "guess-" + i, "203.0.113.66").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> guesser = server.signIn("alice", "guess-again", "203.0.113.66");
        HttpResponse<String> alice = server.signIn("alice", "alice" + SignInServer.PASSWORD_SUFFIX, "192.0.2.10");

        assertThat(guesser.statusCode()).isEqualTo(429);
        assertThat(guesser.headers().firstValue("Retry-After")).isPresent();
        assertThat(alice.statusCode()).as("alice at her own desk, right password").isEqualTo(200);
    }

    @Test
    void theRightPasswordClearsTheTyposBeforeIt() {
        int perAccount = server.server.signInThrottle().limits().perAccount();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < perAccount - 1; i++) {
                assertThat(server.signIn("bob", "typo-" + i, "192.0.2.20").statusCode()).isEqualTo(401);
            }
            assertThat(server.signIn("bob", "bob" + SignInServer.PASSWORD_SUFFIX, "192.0.2.20").statusCode())
                    .as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void successfulSignInsAreNeverThrottled() {
        for (int i = 0; i < 3 * server.server.signInThrottle().limits().perAccount(); i++) {
            assertThat(server.signIn("sam", "sam" + SignInServer.PASSWORD_SUFFIX, "192.0.2.30").statusCode()).isEqualTo(200);
        }
    }
}
