package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code main} in its own JVM: exit codes and output, as the installer smoke test sees them. */
class LauncherProcessTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // Headless JavaFX, as in the surefire argLine.
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                Launcher.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the desktop did not exit");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsOneLineAndExitsZero() throws Exception {
        Outcome outcome = run("--version");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out().strip()).matches("lifeline-desktop \\S+").doesNotContain("unknown");
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndANonZeroExit() throws Exception {
        Outcome outcome = run("--bogus");

        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.err().strip().lines()).hasSize(1).first().asString()
                .startsWith("lifeline-desktop: unknown option \"--bogus\"");
    }

    @Test
    void exitAfterFirstFrameShowsTheLoginWindowAndExitsZero() throws Exception {
        Outcome outcome = run("--exit-after-first-frame");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    }
}
