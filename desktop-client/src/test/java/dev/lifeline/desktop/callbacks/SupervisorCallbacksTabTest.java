package dev.lifeline.desktop.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.callbacks.CallbackView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's Callbacks tab beside the live panel (issue 20 item 6), headless TestFX against the fake server:
 * scheduled, in progress and failed callbacks with their reasons; no form (a supervisor schedules none); the list is
 * read again every {@value CallbacksViewModel#POLL_SECONDS} seconds while the tab shows.
 */
class SupervisorCallbacksTabTest extends DesktopUiTest {

    private static final Instant DUE = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Override
    protected void script(FakeLifelineServer server) {
        server.queueSnapshot(Samples.queue(List.of(), List.of()));
        server.queueCallback(callback("cb-scheduled", "+15551230071", "SCHEDULED", List.of(), null));
        server.queueCallback(callback("cb-dialling", "+15551230072", "DIALLING",
                List.of(new CallbackView.Attempt(1, DUE, "busy"), new CallbackView.Attempt(2, DUE, null)), null));
        server.queueCallback(callback("cb-failed", "+15551230073", "FAILED",
                List.of(new CallbackView.Attempt(1, DUE, "no-answer")), "not reached within the retry window"));
    }

    @Override
    protected String signInAs() {
        return "sam";
    }

    @Test
    void theTabShowsScheduledInProgressAndFailedWithReasonsAndReadsThemAgain() {
        Await.untilFx("the panel shows", () -> lookup("#supervisorTabs").tryQuery().isPresent());
        assertThat(Await.onFx(() -> lookup("#queueTable").tryQuery().isPresent())).isTrue();
        interact(() -> lookup("#supervisorTabs").queryAs(TabPane.class).getSelectionModel().select(1));

        Await.untilFx("the three callbacks show", () -> rows().size() == 3);
        assertThat(rows()).extracting(CallbackRow::customer, CallbackRow::state, CallbackRow::attempts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("+15551230071", "scheduled", "none"),
                org.assertj.core.groups.Tuple.tuple("+15551230072", "dialling", "1 busy, 2 in progress"),
                org.assertj.core.groups.Tuple.tuple("+15551230073", "failed: not reached within the retry window",
                        "1 no-answer"));
        assertThat(Await.onFx(() -> lookup("#scheduleCallbackButton").tryQuery().isPresent())).isFalse();
        assertThat(Await.onFx(() -> lookup("#myCallbacksTable").tryQuery().isPresent())).isFalse();

        int reads = server.queueCallbackReads();
        server.queueCallback(callback("cb-new", "+15551230074", "QUEUED", List.of(), null));
        Await.until("the list is read again", Duration.ofSeconds(CallbacksViewModel.POLL_SECONDS * 4L),
                () -> server.queueCallbackReads() > reads);
        Await.untilFx("the new callback shows", () -> rows().size() == 4);
    }

    private static CallbackView callback(String id, String number, String state, List<CallbackView.Attempt> attempts,
                                         String reason) {
        return new CallbackView(id, number, "", DUE, DUE, "UTC", 50, null, state, attempts, reason);
    }

    @SuppressWarnings("unchecked")
    private List<CallbackRow> rows() {
        return Await.onFx(() -> List.copyOf(((TableView<CallbackRow>) lookup("#queueCallbacksTable")
                .queryAs(TableView.class)).getItems()));
    }
}
