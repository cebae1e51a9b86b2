package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.entry.EntrySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code entry.*} and {@code wait.*} keys: defaults, and a bad value stops the start with one line naming the key. */
class CallEntryConfigTest {

    @Test
    void withoutKeysEveryCallerIsQueuedAtOnceWithPositionEveryThirtySeconds() {
        EntrySettings entry = ServerConfig.load(Map.of()).entry();

        assertThat(entry.menu().isEmpty()).isTrue();
        assertThat(entry.vipNumbers()).isEmpty();
        assertThat(entry.vipPriority()).isEqualTo(100);
        assertThat(entry.announceEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(entry.maxWait()).isZero();
        assertThat(entry.holdMusicLoops()).isEqualTo(4); // 8 s of built-in hold music, four times
        assertThat(entry.hours().isOpen(java.time.Instant.parse("2026-01-11T03:00:00Z"))).isTrue();
    }

    @Test
    void everyBadValueNamesItsKey() {
        assertRefused("LIFELINE_ENTRY_TIME_ZONE", "Mars/Olympus", "entry.time-zone");
        assertRefused("LIFELINE_ENTRY_HOURS", "weekdays 9-5", "entry.hours");
        assertRefused("LIFELINE_ENTRY_HOLIDAYS", "christmas", "entry.holidays");
        assertRefused("LIFELINE_ENTRY_MENU", "1=sales,1=support", "entry.menu");
        assertRefused("LIFELINE_ENTRY_MENU", "sales", "entry.menu");
        assertRefused("LIFELINE_ENTRY_VIP_NUMBERS", "555-1234", "entry.vip-numbers");
        assertRefused("LIFELINE_ENTRY_VIP_PRIORITY", "1000", "entry.vip-priority"); // not above a reconnect
        assertRefused("LIFELINE_WAIT_ANNOUNCE_EVERY", "1s", "wait.announce-every");
        assertRefused("LIFELINE_WAIT_MAX_WAIT", "-5m", "wait.max-wait");
        assertRefused("LIFELINE_WAIT_HOLD_MUSIC_URL", "music.wav", "wait.hold-music-url");
    }

    private static void assertRefused(String variable, String value, String key) {
        assertThatThrownBy(() -> ServerConfig.load(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment " + variable + ": " + key + " ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
