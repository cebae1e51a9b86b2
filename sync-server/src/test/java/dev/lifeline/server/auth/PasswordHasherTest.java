package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesItsHash() {
        assertThat(hasher.matches("alice-demo".toCharArray(), hasher.hash("alice-demo".toCharArray()))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        assertThat(hasher.matches("alice-dem0".toCharArray(), hasher.hash("alice-demo".toCharArray()))).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("pw".toCharArray())).isNotEqualTo(hasher.hash("pw".toCharArray()));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("pw".toCharArray(), "plain-text")).isFalse();
        assertThat(hasher.matches("pw".toCharArray(), "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("pw".toCharArray(), null)).isFalse();
    }
}
