package dev.lifeline.server.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: {@code initdb} into a temporary directory and {@code pg_ctl start} on a free
 * port of loopback, trust authentication, stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root,
 * so as root (CI) its commands run as the {@code postgres} user the Debian package creates. Missing binaries fail the
 * test (never a skip): {@code .ci/run} installs them.
 */
final class PostgresServer implements AutoCloseable {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final long COMMAND_SECONDS = 120;

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path binaries, Path directory, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PostgresServer start() {
        Path binaries = binaries().orElseThrow(() -> new AssertionError(
                "PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql (.ci/run does)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("lifeline-pg-");
            PostgresServer server = new PostgresServer(binaries, directory, freePort(), root);
            if (root) {
                run(List.of("chown", "postgres", directory.toString()), directory);
            }
            server.runAs(List.of(binaries.resolve("initdb").toString(), "-D", server.data().toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-sync"));
            server.runAs(List.of(binaries.resolve("pg_ctl").toString(), "-D", server.data().toString(), "-w", "-t", "90",
                    "-l", directory.resolve("server.log").toString(), "-o",
                    "-p " + server.port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    private Path data() {
        return directory.resolve("data");
    }

    @Override
    public void close() {
        try {
            runAs(List.of(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            deleteTree(directory);
        }
    }

    /** Removes a temporary directory; one left behind is not worth failing a test for. */
    static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left behind
        }
    }

    private void runAs(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, directory);
    }

    private static void run(List<String> command, Path directory) {
        try {
            Path output = Files.createTempFile("lifeline-pg-command", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + COMMAND_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8) + serverLog(directory));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static String serverLog(Path directory) throws IOException {
        Path log = directory.resolve("server.log");
        return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** {@code initdb} on the PATH, else the newest Debian server package's. */
    private static Optional<Path> binaries() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Optional.of(Path.of(dir));
            }
        }
        String[] versions = DEBIAN_BINARIES.toFile().list();
        if (versions == null) {
            return Optional.empty();
        }
        return Arrays.stream(versions).filter(v -> v.matches("\\d+"))
                .max(Comparator.comparingInt(Integer::parseInt))
                .map(v -> DEBIAN_BINARIES.resolve(v).resolve("bin"))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
