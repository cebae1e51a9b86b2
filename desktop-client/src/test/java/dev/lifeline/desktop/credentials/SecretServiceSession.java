package dev.lifeline.desktop.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session bus with a real GNOME Keyring on it, as a desktop login gives one: {@code dbus-daemon
 * --session} started as a process, then {@code gnome-keyring-daemon --unlock --components=secrets} reading the login
 * keyring's password on its standard input (it creates and unlocks the login collection, then detaches; it leaves
 * when the bus does). Everything lives in a temporary home, so the machine's own keyring is never touched.
 * Programs that should use it are started with {@link #environment()}.
 */
final class SecretServiceSession implements AutoCloseable {

    private final Path home;
    private final Process bus;
    private final String address;

    private SecretServiceSession(Path home, Process bus, String address) {
        this.home = home;
        this.bus = bus;
        this.address = address;
    }

    /** Fails (never skips) when dbus-daemon or gnome-keyring-daemon is missing: .ci/run installs them. */
    static SecretServiceSession start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("lifeline-keyring-home");
        ProcessBuilder busCommand = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        isolate(busCommand.environment(), home);
        Process bus = busCommand.start();
        // The address is the first line it prints, once the bus is listening.
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || !address.startsWith("unix:")) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon printed no bus address (got " + address + ")");
        }
        SecretServiceSession session = new SecretServiceSession(home, bus, address);
        ProcessBuilder keyringCommand = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        keyringCommand.environment().putAll(session.environment());
        Process keyring = keyringCommand.start();
        try (OutputStream stdin = keyring.getOutputStream()) {
            stdin.write("lifeline-test-keyring".getBytes(StandardCharsets.UTF_8));
        }
        // The first process returns once the daemon is on the bus with the login collection unlocked.
        if (!keyring.waitFor(60, TimeUnit.SECONDS) || keyring.exitValue() != 0) {
            session.close();
            throw new IOException("gnome-keyring-daemon --unlock did not start (exit " + (keyring.isAlive() ? "none" : keyring.exitValue()) + ")");
        }
        return session;
    }

    /** HOME, XDG folders and the bus address of this session, for a child process. */
    Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>();
        isolate(environment, home);
        environment.put("DBUS_SESSION_BUS_ADDRESS", address);
        return environment;
    }

    Path home() {
        return home;
    }

    /** Runs {@code command} in this session; its output, or an assertion error naming what it printed. */
    List<String> run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "run", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        builder.environment().putAll(environment());
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (!finished) {
            throw new AssertionError(command + " did not finish: " + lines);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited " + process.exitValue() + ": " + lines);
        }
        return lines;
    }

    private static void isolate(Map<String, String> environment, Path home) {
        environment.put("HOME", home.toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("XDG_RUNTIME_DIR", home.toString());
        environment.remove("DISPLAY");
    }

    /** Ends the bus; the keyring daemon leaves with it. */
    @Override
    public void close() throws InterruptedException {
        bus.destroy();
        if (!bus.waitFor(10, TimeUnit.SECONDS)) {
            bus.destroyForcibly();
        }
    }
}
