package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.lifeline.desktop.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code main} in its own JVM: exit codes and output, as the installer smoke test sees them. */
class LauncherProcessTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the desktop did not exit");
        }
        return new Outcome(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // Headless JavaFX, as in the surefire argLine.
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                Launcher.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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

    @Test
    void byDefaultTheLauncherGuardsTheDesktopAndStartsItAgainAfterSigkill() throws Exception {
        // Nothing listens on port 1: the desktop shows its login window with the failure, which is enough here.
        Process guardian = start("--server", "http://127.0.0.1:1", "--user", "alice");
        try {
            long first = Await.value("the guarded desktop started", () -> onlyChildOf(guardian));

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            long second = Await.value("the desktop started again", () -> onlyChildOf(guardian).filter(pid -> pid != first));
            // Until it execs, a just-spawned child is a copy of the guardian and shows the guardian's command line:
            // wait for the desktop's own.
            Await.until("the desktop runs with the same JVM options, plus the out-of-memory exit",
                    () -> commandLineOf(second).contains("-XX:+ExitOnOutOfMemoryError"));
            assertThat(commandLineOf(second)).contains("-Dglass.platform=Monocle");
            assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8))
                    .contains("lifeline-desktop: guardian: the desktop (pid " + first
                            + ") stopped unexpectedly: it was killed (SIGKILL); starting it again");

            guardian.destroy();

            assertThat(guardian.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Await.until("the guardian's desktop stopped with it",
                    () -> ProcessHandle.of(second).map(child -> !child.isAlive()).orElse(true));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the guardian's stderr: "
                    + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8), e);
        } finally {
            guardian.descendants().forEach(ProcessHandle::destroyForcibly);
            guardian.destroyForcibly();
        }
    }

    /**
     * The whole command line. On Linux the JDK's {@code ProcessHandle.Info} reads one page of
     * {@code /proc/<pid>/cmdline}; a class path longer than a page (a deep checkout) cuts the options off, so read
     * the file itself where it exists.
     */
    private static String commandLineOf(long pid) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(cmdline)) {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        }
        return ProcessHandle.of(pid).flatMap(child -> child.info().commandLine()).orElse("");
    }

    /** The guardian's one child once it runs java (a child process is the JDK's spawn helper until it execs). */
    private static java.util.Optional<Long> onlyChildOf(Process process) {
        List<ProcessHandle> children = process.children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .toList();
        return children.size() == 1 ? java.util.Optional.of(children.get(0).pid()) : java.util.Optional.empty();
    }
}
