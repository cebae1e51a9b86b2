package dev.lifeline.desktop.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildCommandTest {

    @Test
    void underJavaTheChildIsTheSameJvmWithTheOutOfMemoryExitAndTheSameArguments() {
        List<String> command = ChildCommand.forThisProgram("dev.lifeline.desktop.app.Launcher", List.of("--user", "alice"));

        assertThat(ChildCommand.isJava(command.get(0))).isTrue();
        assertThat(command).contains(ChildCommand.EXIT_ON_OOM, "-cp", System.getProperty("java.class.path"))
                .endsWith("dev.lifeline.desktop.app.Launcher", "--user", "alice");
    }

    @Test
    void aJpackageLaunchersMarkDoesNotReachTheChild() {
        ProcessBuilder builder = new ProcessBuilder("lifeline-desktop");
        builder.environment().put("_JPACKAGE_LAUNCHER", "stage-two");
        builder.environment().put("LIFELINE_PASSWORD", "kept");

        ChildCommand.withoutLauncherState(builder);

        assertThat(builder.environment()).doesNotContainKey("_JPACKAGE_LAUNCHER").containsEntry("LIFELINE_PASSWORD", "kept");
    }

    @Test
    void aLauncherThatIsNotJavaIsStartedAgainAsItIs() {
        assertThat(ChildCommand.isJava("/opt/lifeline-desktop/bin/lifeline-desktop")).isFalse();
        assertThat(ChildCommand.isJava("/usr/lib/jvm/java-17/bin/java")).isTrue();
    }
}
