package dev.lifeline.server.recovery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryPolicyTest {

    @Test
    void defaultsAreTheOriginalsValues() {
        RecoveryPolicy policy = RecoveryPolicy.defaults("WWping", "https://a/announce.mp3", "https://a/hold.mp3");

        assertThat(policy.pingTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.pingTtlSeconds()).isEqualTo(15);
        assertThat(policy.pingPriority()).isEqualTo(1000);
        assertThat(policy.reconnectPriority()).isEqualTo(1000);
        assertThat(policy.requeuePriority()).isEqualTo(1000);
        assertThat(policy.overallDeadline()).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.holdMusicWhenOthersRemain()).isFalse();
    }

    @Test
    void zeroPingTtlIsRefusedByName() {
        assertThatThrownBy(() -> new RecoveryPolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(120), 1, 1, 1,
                "https://a", "https://b", "WWping", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingTtl");
    }

    @Test
    void missingPingWorkflowIsRefusedByName() {
        assertThatThrownBy(() -> RecoveryPolicy.defaults(" ", "https://a", "https://b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingWorkflowSid");
    }
}
