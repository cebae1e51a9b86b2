package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's desktop (a real {@code main} in its own JVM, signed in to a fake server) loads none of the supervisor's
 * panel nor the Simulator: every class loaded costs start-up time, and a restart after a crash is start-up time the
 * customer spends on hold.
 */
class AgentSessionClassesProcessTest {

    /** A JVM's cold start with JavaFX took 20-60 s on the 2-core machine shared with five builds. */
    private static final Duration COLD_START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void anAgentSessionLoadsNoSupervisorOrSimulatorClass() throws Exception {
        try (FakeLifelineServer server = new FakeLifelineServer().agent("alice", "pw", Samples.WORKER)) {
            server.agentState(Samples::idle);
            Path classes = dir.resolve("classes.log");
            Path out = dir.resolve("out.txt");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + classes,
                    "-cp", System.getProperty("java.class.path"),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    Launcher.class.getName(), "--server", server.url(), "--user", "alice")
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("LIFELINE_PASSWORD", "pw");
            builder.environment().put("LIFELINE_GUARDIAN", "off");
            builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            Process desktop = builder.start();
            try {
                // No phone for alice on this server: the desk opens at once, with the status bar saying so.
                Await.until("the agent's desk is open and connected", COLD_START, () -> {
                    if (!desktop.isAlive()) {
                        throw new AssertionError("the desktop exited: " + Files.readString(out, StandardCharsets.UTF_8));
                    }
                    return server.connects() > 0 && Files.readString(out, StandardCharsets.UTF_8).contains("no phone for alice");
                });
            } finally {
                desktop.destroyForcibly();
                desktop.waitFor(30, TimeUnit.SECONDS);
            }
            List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(loaded).as("the agent's desk was loaded").anyMatch(line -> line.contains("dev.lifeline.desktop.desk."));
            assertThat(loaded).filteredOn(line -> line.contains("dev.lifeline.desktop.supervisor.")
                    || line.contains("dev.lifeline.desktop.simulator.")).isEmpty();
        }
    }
}
