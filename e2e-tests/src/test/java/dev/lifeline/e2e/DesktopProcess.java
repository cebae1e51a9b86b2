package dev.lifeline.e2e;

import dev.lifeline.e2e.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real desktop in its own JVM ({@code dev.lifeline.desktop.app.Launcher}) on headless JavaFX (Monocle), with its
 * stdout and stderr in files. {@link #kill()} is SIGKILL: the process gets no chance to say goodbye, so its
 * softphone's voice-plane socket just drops — what a crash or a forced restart does to a Flex browser tab.
 */
final class DesktopProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;
    private final long startedNanos;

    private DesktopProcess(String name, Process process, Path out, Path err, long startedNanos) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code Launcher --server URL --user USER} with the password in {@code LIFELINE_PASSWORD} (out of {@code ps}). */
    static DesktopProcess start(String name, Path logs, String serverUrl, String user, String password) {
        return start(name, logs, serverUrl, user, password, false);
    }

    /**
     * As {@link #start(String, Path, String, String, String)}; {@code guarded} runs it as the product does by default,
     * under its guardian (this process), which starts the desktop again after a crash.
     */
    static DesktopProcess start(String name, Path logs, String serverUrl, String user, String password,
                                boolean guarded) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", desktopClasspath(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dtestfx.headless=true", "-Djava.awt.headless=true",
                "dev.lifeline.desktop.app.Launcher", "--server", serverUrl, "--user", user));
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out.log");
            Path err = logs.resolve(name + ".err.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("LIFELINE_PASSWORD", password);
            // Unguarded, the process a test kills is the desktop itself, not a guardian that would start it again.
            environment.put("LIFELINE_GUARDIAN", guarded ? "on" : "off");
            environment.remove("DISPLAY");
            long started = System.nanoTime();
            return new DesktopProcess(name, builder.start(), out, err, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the desktop " + name, e);
        }
    }

    /** The classpath Maven wrote for the desktop (desktop-client and its runtime dependencies, plus Monocle). */
    private static String desktopClasspath() {
        String file = System.getProperty("desktop.classpath.file");
        if (file == null) {
            throw new IllegalStateException("desktop.classpath.file is not set; run through Maven (mvn -pl e2e-tests verify)");
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no desktop classpath at " + file, e);
        }
    }

    /** Waits until the desktop's log has a line containing {@code text}; returns the time since start when seen. */
    Duration awaitLog(String text, Duration timeout) {
        Await.until(name + " logging \"" + text + "\"", timeout, () -> {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before logging \"" + text + "\"");
            }
            return output().contains(text);
        });
        return sinceStart();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    String output() {
        return read(out) + read(err);
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Unix), then wait until the process is really gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError(name + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL of the desktop a guardian runs (its one child JVM, once it is running java); returns its pid once it
     * is gone. The guardian itself stays.
     */
    long killGuardedDesktop() {
        ProcessHandle desktop = Await.value(name + "'s guarded desktop running", Duration.ofSeconds(60),
                () -> process.children().filter(ProcessHandle::isAlive)
                        .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                        .findFirst());
        desktop.destroyForcibly();
        Await.until(name + "'s guarded desktop gone", Duration.ofSeconds(10), () -> !desktop.isAlive());
        return desktop.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        return "----- " + name + " stdout (" + out + ") -----\n" + read(out)
                + "----- " + name + " stderr (" + err + ") -----\n" + read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    @Override
    public void close() {
        // A guardian's desktop first: killed alone, the guardian could not stop it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            kill();
        }
    }
}
