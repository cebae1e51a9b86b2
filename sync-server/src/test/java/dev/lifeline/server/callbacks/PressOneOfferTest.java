package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.entry.BusinessHours;
import dev.lifeline.server.entry.EntryMenu;
import dev.lifeline.server.entry.EntrySettings;
import dev.lifeline.server.inbound.CallbackOffer.WaitingCall;
import dev.lifeline.server.inbound.IncomingCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "press 1" offer's TwiML: where the key goes, the place in line it keeps, and who is offered nothing. */
class PressOneOfferTest {

    private static final String BASE = "https://lifeline.example.com";
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String VIP = "+15551239999";

    private final EntrySettings entry = new EntrySettings(BusinessHours.always(), "We are closed.", EntryMenu.none(),
            Set.of(VIP), 50, Duration.ofSeconds(32), Duration.ofMinutes(5), "/media/hold-music.wav", Duration.ofSeconds(8));
    private final PressOneOffer offer = new PressOneOffer(BASE, entry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCallerWhoWaitedLongIsOfferedACallbackThatKeepsTheirEntryTimeThenHearsTheHoldMusic() {
        String twiml = offer.afterMaxWait(new WaitingCall("CA1", "+15550100", "sales", 4, Duration.ofMinutes(6)))
                .orElseThrow();

        long entered = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        assertThat(twiml).contains("<Gather").contains("numDigits=\"1\"")
                .contains("action=\"" + BASE + InQueueCallbackRoutes.PATH + "?entered=" + entered + "&amp;priority=0\"")
                .contains("press 1").contains("<Play loop=\"4\">" + BASE + "/media/hold-music.wav</Play>")
                .doesNotContain("<Hangup");
    }

    @Test
    void aVipKeepsTheVipPriority() {
        assertThat(offer.afterMaxWait(new WaitingCall("CA1", VIP, "", 1, Duration.ofMinutes(6))).orElseThrow())
                .contains("priority=50");
    }

    @Test
    void outsideHoursTheClosedMessageCarriesTheOfferAndNoKeyEndsTheCall() {
        String twiml = offer.whenClosed(new IncomingCall("CA2", "+15550100", "+15550142019")).orElseThrow();

        assertThat(twiml).contains("We are closed. To be called back on this number, press 1.")
                .contains("entered=" + NOW.getEpochSecond()).contains("Goodbye.").contains("<Hangup/>");
    }

    @Test
    void aNumberThatCannotBeCalledBackIsOfferedNothing() {
        assertThat(offer.whenClosed(new IncomingCall("CA3", "anonymous", "+15550142019"))).isEmpty();
        assertThat(offer.afterMaxWait(new WaitingCall("CA3", "client:someone", "", 1, Duration.ofMinutes(9)))).isEmpty();
    }
}
