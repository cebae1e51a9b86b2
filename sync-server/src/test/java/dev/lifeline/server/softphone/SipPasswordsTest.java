package dev.lifeline.server.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SipPasswordsTest {

    private static final byte[] SECRET = "a-cluster-secret-of-32-bytes-0001".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyMemberWithTheSameSecretHandsOutTheSamePassword() {
        assertThat(new SipPasswords(SECRET).passwordOf("lifeline.sip.twilio.com", "alice"))
                .isEqualTo(new SipPasswords(SECRET.clone()).passwordOf("lifeline.sip.twilio.com", "alice"));
    }

    @Test
    void passwordsDifferPerAgentDomainAndSecretAndFollowTwiliosRules() {
        SipPasswords passwords = new SipPasswords(SECRET);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = passwords.passwordOf("lifeline.sip.twilio.com", "agent" + i);
            assertThat(password).hasSize(24).matches("[A-Za-z0-9]+").matches(".*[0-9].*").matches(".*[a-z].*")
                    .matches(".*[A-Z].*");
            seen.add(password);
        }
        assertThat(seen).hasSize(500);
        assertThat(passwords.passwordOf("other.sip.twilio.com", "agent1"))
                .isNotEqualTo(passwords.passwordOf("lifeline.sip.twilio.com", "agent1"));
        assertThat(new SipPasswords("another-secret-of-enough-bytes!!".getBytes(StandardCharsets.UTF_8))
                .passwordOf("lifeline.sip.twilio.com", "agent1"))
                .isNotEqualTo(passwords.passwordOf("lifeline.sip.twilio.com", "agent1"));
    }

    @Test
    void aShortSecretIsRefusedAndToStringRevealsNothing() {
        assertThatThrownBy(() -> new SipPasswords(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SipPasswords(SECRET).toString()).doesNotContain("cluster-secret");
    }
}
