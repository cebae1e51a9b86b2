package dev.lifeline.desktop.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.sim.TwilioSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole desktop with the softphone the server offers ({@code GET /api/me/softphone}) on the real emulator's
 * voice plane: it registers as {@code client:alice}, answers the ring that follows an accept, and closing the
 * desktop drops the leg without a hang-up (what a crash looks like to the conference).
 */
class OfferedSoftphoneTest extends DesktopUiTest {

    private static final String CUSTOMER = "+15550000001";
    private TwilioSim sim;

    @Override
    protected void script(FakeLifelineServer server) {
        sim = TwilioSim.builder().port(0).start();
        sim.voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        server.offerSoftphone(new SoftphoneSettings(SoftphoneSettings.EMULATOR,
                "ws://localhost:" + sim.port() + "/voice-plane?identity=alice", sim.voicePlane().tokens().forIdentity("alice")));
    }

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        return config.withSoftphones(DesktopConfig.SoftphoneFactory.offeredByServer());
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void theOfferedSoftphoneRegistersAnswersAndDropsWhenTheDesktopCloses() {
        Await.until("the desktop's softphone is on the voice plane", () -> sim.voicePlane().online("alice"));
        sim.voice().addParticipant("room", "+15559990000", CUSTOMER, "customer", true);

        String leg = sim.voice().addParticipant("room", "+15559990000", "client:alice", "alice", false);

        Await.until("the desktop answers the ring", () -> "in-progress".equals(sim.voice().callStatus(leg)));
        interact(() -> shell.close());
        Await.until("the leg drops", () -> "completed".equals(sim.voice().callStatus(leg)));
        assertThat(sim.voice().effects(leg)).containsKey("softphoneDropped").doesNotContainKey("softphoneHangup");
    }
}
