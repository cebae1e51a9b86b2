package dev.lifeline.desktop.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardianModeTest {

    private static final String[] ARGS = {"--server", "https://lifeline.example", "--user", "alice"};

    @Test
    void aDesktopWindowIsGuardedByDefault() throws Exception {
        GuardianMode mode = GuardianMode.of(ARGS, Map.of());

        assertThat(mode.guard()).isTrue();
        assertThat(mode.desktopArgs()).containsExactly(ARGS);
        assertThat(mode.restartReason()).isEmpty();
    }

    @Test
    void theOptionOrTheSettingTurnsItOffAndTheOptionIsNotPassedOn() throws Exception {
        GuardianMode byOption = GuardianMode.of(new String[] {"--no-guardian", "--user", "alice"}, Map.of());
        GuardianMode bySetting = GuardianMode.of(ARGS, Map.of(GuardianMode.SETTING_ENV, "off"));

        assertThat(byOption.guard()).isFalse();
        assertThat(byOption.desktopArgs()).containsExactly("--user", "alice");
        assertThat(bySetting.guard()).isFalse();
    }

    @Test
    void theGuardedDesktopIsNotAGuardianAgainAndLearnsWhyItWasRestarted() throws Exception {
        GuardianMode child = GuardianMode.of(ARGS, Map.of(GuardianMode.GUARDED_ENV, "1",
                GuardianMode.RESTARTED_AFTER_ENV, "it was killed (SIGKILL)"));

        assertThat(child.guard()).isFalse();
        assertThat(child.restartReason()).contains("it was killed (SIGKILL)");
    }

    @Test
    void aRestartReasonOutsideAGuardedDesktopIsIgnored() throws Exception {
        GuardianMode mode = GuardianMode.of(ARGS, Map.of(GuardianMode.RESTARTED_AFTER_ENV, "forged"));

        assertThat(mode.restartReason()).isEmpty();
    }

    @Test
    void aSettingThatIsNeitherOnNorOffIsOneClearLine() {
        assertThatThrownBy(() -> GuardianMode.of(ARGS, Map.of(GuardianMode.SETTING_ENV, "maybe")))
                .isInstanceOf(GuardianMode.BadSetting.class)
                .hasMessage("LIFELINE_GUARDIAN must be on or off, not \"maybe\"");
    }
}
