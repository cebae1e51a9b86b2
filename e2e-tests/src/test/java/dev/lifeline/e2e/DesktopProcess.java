package dev.lifeline.e2e;

import dev.lifeline.e2e.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real desktop in its own JVM ({@code dev.lifeline.desktop.app.Launcher}) on headless JavaFX (Monocle), with its
 * stdout and stderr in files. Its SIP softphone registers the account the server hands over, on loopback, with a
 * tone as its microphone and a WAV file as its speaker ({@code --audio tone:HZ --audio-record}), so a test can prove
 * audio crossed. {@link #kill()} is SIGKILL: the process gets no chance to say goodbye (no BYE, no
 * {@code Expires: 0}), its RTP just stops — what a crash or a forced restart does to a Flex browser tab.
 */
final class DesktopProcess implements AutoCloseable {

    private static final int WAV_HEADER = 44;

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;
    private final Path heard;
    private final long startedNanos;

    private DesktopProcess(String name, Process process, Path out, Path err, Path heard, long startedNanos) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
        this.heard = heard;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code Launcher --server URL --user USER} with the password in {@code LIFELINE_PASSWORD} (out of {@code ps}).
     * Its config folder is {@code <logs>/<configName>-config}: desktops given the same {@code configName} share this
     * computer's saved sign-in (issue 14), which lives there as a file ({@code LIFELINE_CREDENTIAL_STORE=file}: a
     * developer's own keyring stays out of the test).
     *
     * @param password null: no password at all (the desktop signs in with the saved sign-in, or shows the form)
     * @param rtpPorts the phone's RTP ports ({@code 22500-22519}), distinct per desktop of a test
     * @param toneHz   what the agent's "microphone" sends into calls
     * @param guarded  run it as the product does by default, under its guardian (then this process is the guardian,
     *                 which starts the desktop again after a crash)
     */
    static DesktopProcess start(String name, Path logs, String serverUrl, String user, String password, String rtpPorts,
                                double toneHz, boolean guarded) {
        return start(name, name, logs, serverUrl, user, password, rtpPorts, toneHz, guarded, List.of());
    }

    /**
     * @param configName the computer: desktops of one computer share its config folder, so its saved sign-in
     * @param jvmOptions before the class path (a guardian hands its own to the desktop it starts)
     */
    static DesktopProcess start(String name, String configName, Path logs, String serverUrl, String user, String password,
                                String rtpPorts, double toneHz, boolean guarded, List<String> jvmOptions) {
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out.log");
            Path err = logs.resolve(name + ".err.log");
            Path heard = logs.resolve(name + ".heard.wav");
            Path phoneSettings = Files.writeString(logs.resolve(name + ".phone.properties"),
                    "sip.local-address=127.0.0.1\nrtp.ports=" + rtpPorts + "\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp", desktopClasspath(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dtestfx.headless=true", "-Djava.awt.headless=true",
                    "dev.lifeline.desktop.app.Launcher", "--server", serverUrl, "--user", user,
                    "--audio", "tone:" + toneHz, "--audio-record", heard.toString(),
                    "--phone-settings", phoneSettings.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.remove("LIFELINE_PASSWORD");
            if (password != null) {
                environment.put("LIFELINE_PASSWORD", password);
            }
            // The developer's own audio choice, phone settings and saved sign-in stay out of the test.
            environment.put("XDG_CONFIG_HOME", logs.resolve(configName + "-config").toString());
            environment.put("LIFELINE_CREDENTIAL_STORE", "file");
            // Unguarded, the process a test kills is the desktop itself, not a guardian that would start it again.
            environment.put("LIFELINE_GUARDIAN", guarded ? "on" : "off");
            environment.remove("DISPLAY");
            long started = System.nanoTime();
            return new DesktopProcess(name, builder.start(), out, err, heard, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the desktop " + name, e);
        }
    }

    /** The classpath Maven wrote for the desktop (desktop-client and its runtime dependencies, plus Monocle). */
    static String desktopClasspath() {
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

    /**
     * The last {@code seconds} the agent heard in the current call, read from the recording while it is written (its
     * header's sizes are only set when the call ends): 8 kHz mono 16-bit little-endian after the 44-byte header.
     */
    short[] heard(double seconds) {
        return lastOfRecording(heard, seconds);
    }

    /** The last {@code seconds} of a phone's recording while it is written (see {@link #heard}). */
    static short[] lastOfRecording(Path heard, double seconds) {
        byte[] wav;
        try {
            wav = Files.exists(heard) ? Files.readAllBytes(heard) : new byte[0];
        } catch (IOException e) {
            return new short[0];
        }
        int available = Math.max(0, (wav.length - WAV_HEADER) / 2);
        int wanted = (int) Math.min(available, Math.round(seconds * 8000));
        ByteBuffer data = ByteBuffer.wrap(wav, WAV_HEADER + (available - wanted) * 2, wanted * 2)
                .order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[wanted];
        data.asShortBuffer().get(samples);
        return samples;
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    String output() {
        return ProcessOutput.read(out) + ProcessOutput.read(err);
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

    /** SIGTERM, as a user's logout or a shutdown ends it; then wait until the process is gone. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
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
                this::guardedDesktop);
        desktop.destroyForcibly();
        Await.until(name + "'s guarded desktop gone", Duration.ofSeconds(10), () -> !desktop.isAlive());
        return desktop.pid();
    }

    /** The desktop a guardian runs, once it is running java (before, the child is the JDK's spawn helper). */
    java.util.Optional<ProcessHandle> guardedDesktop() {
        return process.children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** What the desktop (and its guardian) wrote on stdout: the log, one line per event. */
    String stdout() {
        return ProcessOutput.read(out);
    }

    /** SIGTERM, as the operating system stops a program, and waits for the JVM to finish its exit (a CDS dump). */
    void stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        return ProcessOutput.describe(name, out, err);
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
