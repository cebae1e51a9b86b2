package dev.lifeline.server.inbound;

import dev.lifeline.server.entry.BusinessHours;
import dev.lifeline.server.entry.EntryMenu;
import dev.lifeline.server.entry.EntrySettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.testsupport.SettableClock;
import dev.lifeline.server.waiting.AcceptanceLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waitUrl document: position, the estimate from the skill's acceptances, hold music, the max-wait hook. */
class WaitAnswerTest {

    private static final String WORKFLOW = "WW" + "1".repeat(32);
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private final SettableClock clock = new SettableClock(NOW.minusSeconds(240));
    private final LifelineMetrics metrics = new LifelineMetrics();
    private final AcceptanceLog acceptances = new AcceptanceLog(() -> WORKFLOW, clock, metrics);
    private final EntrySettings settings = new EntrySettings(BusinessHours.always(), "closed", EntryMenu.none(), Set.of(),
            100, Duration.ofSeconds(20), Duration.ofMinutes(10), "/media/hold-music.wav", Duration.ofSeconds(8));

    @Test
    void theCallerHearsTheirPlaceAndTheEstimateFromTheirSkillsAcceptancesThenHoldMusic() {
        accepted("RS1", "{\"skill\":\"support\"}");
        clock.set(NOW.minusSeconds(120));
        accepted("RS2", "{\"skill\":\"support\"}");
        accepted("RS2", "{\"skill\":\"support\"}"); // delivered twice, counted once
        clock.set(NOW);
        accepted("RS3", "{\"skill\":\"support\"}");
        accepted("RS4", "{\"skill\":\"sales\",\"targetWorkerSid\":\"WK1\"}"); // a reconnect is no queue service
        WaitAnswer answer = new WaitAnswer(settings, acceptances, clock, CallbackOffer.NONE, "http://lifeline.test");

        String twiml = answer.answer(Map.of("QueuePosition", "3", "QueueTime", "40", "skill", "support"));

        assertThat(twiml).contains("<Say>You are number 3 in the queue. Your estimated wait is about 6 minutes.</Say>")
                .contains("<Play loop=\"3\">http://lifeline.test/media/hold-music.wav</Play>");
        assertThat(answer.answer(Map.of("QueuePosition", "1", "QueueTime", "40", "skill", "sales")))
                .contains("<Say>You are next in the queue.</Say>");
    }

    @Test
    void afterMaxWaitTheCallbackOfferAnswersWhenItHasOne() {
        CallbackOffer offer = new CallbackOffer() {
            @Override
            public Optional<String> afterMaxWait(WaitingCall call) {
                return Optional.of("<Response><Say>offer to " + call.from() + " after " + call.queueTime().toMinutes()
                        + " minutes</Say></Response>");
            }
        };
        WaitAnswer answer = new WaitAnswer(settings, acceptances, clock, offer, "http://lifeline.test");

        assertThat(answer.answer(Map.of("QueuePosition", "2", "QueueTime", "599", "From", "+15551230001")))
                .contains("You are number 2 in the queue.");
        assertThat(answer.answer(Map.of("QueuePosition", "2", "QueueTime", "600", "From", "+15551230001")))
                .contains("offer to +15551230001 after 10 minutes");
        assertThat(new WaitAnswer(settings, acceptances, clock, CallbackOffer.NONE, "http://lifeline.test")
                .answer(Map.of("QueuePosition", "2", "QueueTime", "600"))).contains("You are number 2 in the queue.");
    }

    private void accepted(String reservation, String attributes) {
        acceptances.onTaskRouterEvent(new TaskRouterEvent("EV" + reservation, "reservation.accepted", "WT1", attributes,
                "assigned", null, "voice", "WQ1", WORKFLOW, "WK1", reservation, "accepted"));
    }
}
