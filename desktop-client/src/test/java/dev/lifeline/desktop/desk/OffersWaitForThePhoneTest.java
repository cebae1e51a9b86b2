package dev.lifeline.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.incident.Phase;
import org.junit.jupiter.api.Test;

/**
 * The desk opens its event stream at sign-in, beside the phone's registration (issue 14: a restart must be fast), but
 * accepts nothing until the phone's first REGISTER has an outcome: a recovery's reconnect auto-accepted before the
 * phone is registered would have Twilio dial an address nobody holds (32009). (Before issue 14 the event stream
 * itself waited for the phone; the old test asserted no connection while the phone registered.)
 */
class OffersWaitForThePhoneTest extends DesktopUiTest {

    private static final String INCIDENT = "CF1:CAagent";

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> Samples.withIncident(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 1)));
    }

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        softphone.readyAtOnce = false;
        return config;
    }

    @Test
    void theEventStreamOpensWhileThePhoneRegistersButTheReconnectIsAcceptedOnlyOnceItIsRegistered() {
        Await.until("the phone is registering", () -> log.contains("softphone:register alice"));
        Await.untilFx("the desk shows", () -> text("#phoneStatus").equals("Connecting the phone…"));
        awaitDesk();
        server.push(new ReservationOffered(Samples.reconnect("WRback", INCIDENT)));
        Await.untilFx("the desk holds the reconnect offer", () -> shell.agentModel().reservations().stream()
                .anyMatch(reservation -> reservation.reservationSid().equals("WRback")));

        log.add("test:phone registered");
        softphone.publish(SoftphoneState.ready());

        Await.until("the reconnect is accepted", () -> server.commands(AcceptReservation.class)
                .contains(new AcceptReservation("WRback")));
        assertThat(log.indexOf("test:phone registered")).as("the accept went out only after the phone registered")
                .isLessThan(log.indexOf("server:AcceptReservation"));
        assertThat(text("#phoneStatus")).isEqualTo("Phone ready");
    }

    @Test
    void aPhoneThatCannotRegisterStillLetsTheDeskTakeItsCalls() {
        Await.untilFx("the desk shows", () -> text("#phoneStatus").equals("Connecting the phone…"));
        awaitDesk();
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)));
        server.push(new ReservationOffered(Samples.reconnect("WRback", INCIDENT)));

        softphone.publish(SoftphoneState.failed("wrong SIP password"));

        Await.until("the reconnect is accepted", () -> server.commands(AcceptReservation.class)
                .contains(new AcceptReservation("WRback")));
        assertThat(text("#phoneStatus")).isEqualTo("Phone not ready: wrong SIP password");
    }
}
