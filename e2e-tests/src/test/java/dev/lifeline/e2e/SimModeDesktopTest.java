package dev.lifeline.e2e;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test with the server in sim mode started fresh for each test method and desktop processes against it; their
 * logs land in {@code e2e-logs/<test method>/} and are printed when the test fails.
 */
@ExtendWith(PrintLogsOnFailure.class)
abstract class SimModeDesktopTest implements PrintLogsOnFailure.ProcessLogs {

    /** A desktop's cold start on a loaded 2-core machine takes 10-30 s. */
    protected static final Duration STARTUP = Duration.ofSeconds(90);
    /** One step of a call (an offer, a bridge, a phase change): seconds, with room for a loaded machine. */
    protected static final Duration STEP = Duration.ofSeconds(45);

    /** As DesktopKillRecoveryTest: room for a desktop's cold start on a loaded machine before the ping's TTL. */
    protected static final Map<String, String> ROOM_FOR_A_COLD_START = Map.of("LIFELINE_RECOVERY_PING_TTL", "60s");

    protected SimModeServer sim;
    protected EmulatorWorld world;

    /** Server settings (environment keys) on top of an isolated cluster and a free HTTP port. */
    protected abstract Map<String, String> serverSettings();

    @BeforeEach
    void startServer(TestInfo test) {
        sim = SimModeServer.start(test.getTestMethod().orElseThrow().getName(), serverSettings());
        world = sim.world;
    }

    @Override
    public String describeProcesses() {
        return sim == null ? "" : sim.describeDesktops();
    }

    @AfterEach
    void stopEverything() {
        if (sim != null) {
            sim.close();
        }
    }
}
