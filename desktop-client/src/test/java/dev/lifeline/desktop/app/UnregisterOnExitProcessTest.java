package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.testing.SimSipDomain;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.sim.TwilioSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real desktop process registers the account the server hands over, and a clean stop (SIGTERM) sends
 * {@code Expires: 0}: the SIP Domain forgets the binding at once instead of ringing it until it expires.
 */
class UnregisterOnExitProcessTest {

    private static final String PASSWORD = "correct horse";
    private static final java.time.Duration PROCESS_START = java.time.Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private TwilioSim sim;
    private FakeLifelineServer server;
    private Process desktop;

    @AfterEach
    void stop() throws InterruptedException {
        if (desktop != null && desktop.isAlive()) {
            desktop.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private boolean aliceRegistered() {
        return sim.sip().bindingsSnapshot().stream().anyMatch(b -> ("alice@" + SimSipDomain.DOMAIN).equals(b.get("aor")));
    }

    @Test
    void theDesktopRegistersAtSignInAndUnregistersWhenToldToStop() throws Exception {
        sim = TwilioSim.builder().port(0).sipPort(0).start();
        SimSipDomain.provision(sim, "alice");
        server = new FakeLifelineServer(new ArrayList<>()).agent("alice", PASSWORD, Samples.WORKER);
        server.agentState(Samples::idle);
        server.offerSoftphone(SimSipDomain.account(sim, "alice", SoftphoneAccount.TCP));
        Path settings = Files.writeString(dir.resolve("phone.properties"),
                "sip.local-address=127.0.0.1\nrtp.ports=22300-22399\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                Launcher.class.getName(), "--server", server.url(), "--user", "alice", "--audio", "none",
                "--phone-settings", settings.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("desktop.log").toFile());
        builder.environment().put("LIFELINE_PASSWORD", PASSWORD);
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        // The desktop itself, not a guardian: a clean-up that kills the process it started must end the desktop too.
        builder.environment().put("LIFELINE_GUARDIAN", "off");
        desktop = builder.start();

        // A whole desktop JVM starts, draws, signs in and registers: on a loaded two-core machine that took over 30 s.
        Await.until("the desktop registers the served account", PROCESS_START, this::aliceRegistered);
        desktop.destroy();

        assertThat(desktop.waitFor(30, TimeUnit.SECONDS)).as("the desktop stops").isTrue();
        assertThat(aliceRegistered()).as("the binding is gone once the process has stopped ("
                + Files.readString(dir.resolve("desktop.log")).lines().filter(l -> l.contains("softphone")).toList() + ")")
                .isFalse();
    }
}
