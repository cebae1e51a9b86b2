package dev.lifeline.desktop.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.softphone.audio.NullAudioDevice;
import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.SimSipDomain;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.sim.TwilioSim;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole desktop with the SIP account the server hands the agent ({@code GET /api/me/softphone}, served over real
 * HTTP by the fake server) against twilio-sim's SIP Domain: it registers with digest auth (the agent typed nothing),
 * the status bar says "Phone ready", a call to the agent's SIP address is answered, and closing the desktop removes
 * the binding ({@code Expires: 0}) while the call just loses its media, as when the process dies.
 */
class OfferedSoftphoneTest extends DesktopUiTest {

    private static final String ALICE = "sip:alice@" + SimSipDomain.DOMAIN;
    private static final String CUSTOMER = "+15550000001";
    private TwilioSim sim;

    @Override
    protected void script(FakeLifelineServer server) {
        sim = TwilioSim.builder().port(0).sipPort(0).mediaTimeout(Duration.ofSeconds(3)).start();
        SimSipDomain.provision(sim, "alice");
        sim.voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        server.offerSoftphone(SimSipDomain.account(sim, "alice", SoftphoneAccount.UDP));
    }

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        SipOptions options = SipOptions.defaults().withLocal("127.0.0.1", 0).withRtpPorts(new PortRange(22100, 22199));
        return config.withSoftphones(DesktopConfig.SoftphoneFactory.sip(options, new NullAudioDevice()));
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    private boolean registered() {
        return sim.sip().bindingsSnapshot().stream().anyMatch(b -> ("alice@" + SimSipDomain.DOMAIN).equals(b.get("aor")));
    }

    @Test
    void theServedAccountRegistersAnswersAndUnregistersWhenTheDesktopCloses() {
        Await.until("the desktop's softphone is registered on the SIP Domain", this::registered);
        Await.untilFx("the status bar says the phone is ready",
                () -> "Phone ready".equals(lookup("#phoneStatus").queryAs(Label.class).getText()));
        sim.voice().addParticipant("room", "+15559990000", CUSTOMER, "customer", true);

        String leg = sim.voice().addParticipant("room", "+15559990000", ALICE, "alice", false);

        Await.until("the desktop answers the INVITE", () -> "in-progress".equals(sim.voice().callStatus(leg)));
        interact(() -> shell.close());
        Await.until("the binding is removed (Expires: 0)", () -> !registered());
        Await.until("the leg drops once its media stops", () -> "completed".equals(sim.voice().callStatus(leg)));
    }
}
