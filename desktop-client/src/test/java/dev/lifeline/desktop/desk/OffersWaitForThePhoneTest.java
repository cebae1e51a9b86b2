package dev.lifeline.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import org.junit.jupiter.api.Test;

/**
 * The desk takes offers (opens its event stream) only once the phone's first REGISTER has an outcome: a recovery's
 * reconnect auto-accepted before the phone is registered would have Twilio dial an address nobody holds (32009).
 */
class OffersWaitForThePhoneTest extends DesktopUiTest {

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        softphone.readyAtOnce = false;
        return config;
    }

    @Test
    void theEventStreamOpensOnceThePhoneIsRegistered() {
        Await.until("the phone is registering", () -> log.contains("softphone:register alice"));
        Await.untilFx("the desk shows", () -> text("#phoneStatus").equals("Connecting the phone…"));
        assertThat(server.connects()).as("no event stream while the phone registers").isZero();

        softphone.publish(SoftphoneState.ready());

        awaitDesk();
        assertThat(text("#phoneStatus")).isEqualTo("Phone ready");
    }

    @Test
    void aPhoneThatCannotRegisterStillLetsTheDeskConnect() {
        Await.untilFx("the desk shows", () -> text("#phoneStatus").equals("Connecting the phone…"));

        softphone.publish(SoftphoneState.failed("wrong SIP password"));

        awaitDesk();
        assertThat(text("#phoneStatus")).isEqualTo("Phone not ready: wrong SIP password");
    }
}
