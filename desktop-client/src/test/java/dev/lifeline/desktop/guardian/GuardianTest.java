package dev.lifeline.desktop.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guardian with real child JVMs ({@link FakeDesktop}): real SIGKILL, real out-of-memory exits. */
class GuardianTest {

    @TempDir
    Path dir;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Guardian guardian;

    @AfterEach
    void stopEverything() {
        if (guardian != null) {
            guardian.stop();
        }
        runner.shutdownNow();
    }

    @Test
    void aKilledDesktopIsStartedAgainAtOnceAndToldWhy() throws Exception {
        Future<Integer> exit = run("wait", "wait");
        long first = awaitStart(1);

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        long second = awaitStart(2);
        assertThat(second).isNotEqualTo(first);
        assertThat(reasonGivenTo(first)).isEmpty();
        assertThat(reasonGivenTo(second)).isEqualTo("it was killed (SIGKILL)");
        assertThat(waits).containsExactly(Duration.ZERO);
        assertThat(log()).contains("the desktop (pid " + first + ") stopped unexpectedly: it was killed (SIGKILL); "
                + "starting it again");

        Files.writeString(dir.resolve(second + ".exit"), "0");
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(starts()).hasSize(2);
    }

    @Test
    void aNormalQuitIsNotUndone() throws Exception {
        Future<Integer> exit = run("exit:0", "exit:0");

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(starts()).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(log()).isEmpty();
    }

    @Test
    void aDesktopThatRanOutOfMemoryIsStartedAgain() throws Exception {
        Future<Integer> exit = run("oom", "exit:0");

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        List<Long> started = starts();
        assertThat(started).hasSize(2);
        assertThat(started.stream().map(this::reasonGivenTo)).contains("it ran out of memory");
    }

    @Test
    void aCrashLoopWaitsLongerEachTimeThenGivesUpWithTheExitCode() throws Exception {
        Future<Integer> exit = run("exit:1", "exit:1", "exit:1", "exit:1", "exit:1", "exit:1", "exit:0");

        assertThat(exit.get(120, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(starts()).hasSize(RestartPolicy.GIVE_UP_AFTER);
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(log()).contains("stopped unexpectedly 6 times within 2 minutes; not starting it again");
    }

    @Test
    void stoppingTheGuardianStopsItsDesktopAndStartsNoOther() throws Exception {
        Future<Integer> exit = run("wait", "wait");
        long desktop = awaitStart(1);

        guardian.stop();

        assertThat(exit.get(60, TimeUnit.SECONDS)).as("SIGTERM's exit code").isEqualTo(143);
        assertThat(ProcessHandle.of(desktop).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(starts()).hasSize(1);
    }

    /** Runs a guardian whose successive desktops take the given modes; the clock stands still (one window). */
    private Future<Integer> run(String... modes) {
        Deque<String> next = new ArrayDeque<>(List.of(modes));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        guardian = new Guardian(() -> new ProcessBuilder(java, "-Xmx32m", ChildCommand.EXIT_ON_OOM,
                "-cp", System.getProperty("java.class.path"), FakeDesktop.class.getName(), dir.toString(),
                next.removeFirst()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()),
                new RestartPolicy(), Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC),
                waits::add, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        return runner.submit(guardian::run);
    }

    private long awaitStart(int count) {
        Await.until(count + " desktop(s) started", () -> starts().size() >= count);
        return starts().get(count - 1);
    }

    /** The pids of the desktops started so far, oldest first. */
    private List<Long> starts() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".started"))
                    .sorted(Comparator.comparing(GuardianTest::modified))
                    .map(file -> Long.parseLong(file.getFileName().toString().replace(".started", "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String reasonGivenTo(long pid) {
        try {
            return Files.readString(dir.resolve(pid + ".started"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
