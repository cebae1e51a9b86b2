package dev.lifeline.desktop.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.model.callbacks.CallbackView;
import dev.lifeline.model.problem.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * The agent's Callbacks window (issue 20 item 6) on a real desk (headless TestFX) against the fake server: the
 * "Schedule callback" form, the agent's own callbacks and the queue's, and the server's refusals shown in the form.
 */
class AgentCallbacksTest extends DesktopUiTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void aCallbackScheduledFromTheFormIsInMyListAndTheQueuesAndTheFormEmpties() {
        openCallbacks();
        String due = TYPED.format(LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(2));
        fill("+44 20 7946 0018", due, "Europe/London", "billing question");

        clickOn("#scheduleCallbackButton");

        Await.until("the server keeps the callback", () -> server.callbacks().size() == 1);
        CallbackView kept = server.callbacks().get(0);
        assertThat(kept.number()).isEqualTo("+442079460018");
        assertThat(kept.zone()).isEqualTo("Europe/London");
        assertThat(kept.reason()).isEqualTo("billing question");
        Await.untilFx("my list shows it", () -> rows("#myCallbacksTable").size() == 1);
        Await.untilFx("the queue's list shows it", () -> rows("#queueCallbacksTable").size() == 1);
        CallbackRow row = Await.onFx(() -> rows("#myCallbacksTable").get(0));
        assertThat(row.customer()).isEqualTo("+442079460018");
        assertThat(row.reason()).isEqualTo("billing question");
        assertThat(row.state()).isEqualTo("scheduled");
        assertThat(row.attempts()).isEqualTo("none");
        assertThat(field("#callbackNumberField")).isEmpty();
        assertThat(field("#callbackReasonField")).isEmpty();
        assertThat(field("#callbackZoneField")).isEqualTo("Europe/London");
        assertThat(text("#callbacksStatus")).startsWith("Callback to +442079460018 scheduled for ");
        assertThat(text("#callbackFormProblem")).isEmpty();
    }

    /** A bad number, a time in the past, a time outside business hours: the server's sentence, the form as typed. */
    @Test
    void badInputShowsTheServersProblemInTheFormAndNothingIsKept() {
        openCallbacks();
        String future = TYPED.format(LocalDateTime.now(ZoneId.of("UTC")).plusDays(2));

        fill("555-1234", future, "UTC", "");
        clickOn("#scheduleCallbackButton");
        Await.untilFx("the number is refused", () -> problem().contains("E.164"));
        assertThat(field("#callbackNumberField")).isEqualTo("555-1234");

        fill("+15551230002", "2020-01-01 09:00", "UTC", "");
        clickOn("#scheduleCallbackButton");
        Await.untilFx("the past time is refused", () -> problem().contains("dueAt: is in the past"));

        server.refuseCallbacks(Problem.badRequest("dueAt",
                "is outside the contact centre's hours for callbacks (Mon-Fri 08:00-18:00 Europe/London)"));
        fill("+15551230002", future, "UTC", "");
        clickOn("#scheduleCallbackButton");
        Await.untilFx("the closed time is refused", () -> problem().contains("outside the contact centre's hours"));

        assertThat(server.callbacks()).isEmpty();
        assertThat(field("#callbackDueField")).isEqualTo(future);
        assertThat(rows("#myCallbacksTable")).isEmpty();
    }

    @Test
    void theQueuesListShowsAnotherAgentsFailedCallbackWithItsAttemptsAndReason() {
        Instant due = Instant.now().minus(1, ChronoUnit.HOURS);
        server.queueCallback(new CallbackView("cb-failed", "+15551230077", "late delivery", due, due, "UTC", 50, null,
                "FAILED", List.of(new CallbackView.Attempt(1, due, "busy"), new CallbackView.Attempt(2, due, "no-answer")),
                "not reached after 2 attempts (busy, no-answer)"));
        openCallbacks();

        Await.untilFx("the queue's list shows it", () -> rows("#queueCallbacksTable").size() == 1);
        CallbackRow row = Await.onFx(() -> rows("#queueCallbacksTable").get(0));
        assertThat(row.customer()).isEqualTo("+15551230077");
        assertThat(row.state()).isEqualTo("failed: not reached after 2 attempts (busy, no-answer)");
        assertThat(row.attempts()).isEqualTo("1 busy, 2 no-answer");
        assertThat(rows("#myCallbacksTable")).isEmpty();
    }

    private void openCallbacks() {
        awaitDesk();
        clickOn("#openCallbacksButton");
        Await.untilFx("the Callbacks window shows", () -> lookup("#scheduleCallbackButton").tryQuery().isPresent());
    }

    private void fill(String number, String due, String zone, String reason) {
        interact(() -> {
            lookup("#callbackNumberField").queryAs(TextField.class).setText(number);
            lookup("#callbackDueField").queryAs(TextField.class).setText(due);
            lookup("#callbackZoneField").queryAs(TextField.class).setText(zone);
            lookup("#callbackReasonField").queryAs(TextField.class).setText(reason);
        });
    }

    private String field(String query) {
        return Await.onFx(() -> lookup(query).queryAs(TextField.class).getText());
    }

    private String problem() {
        return lookup("#callbackFormProblem").queryAs(Labeled.class).getText();
    }

    @SuppressWarnings("unchecked")
    private List<CallbackRow> rows(String table) {
        return Await.onFx(() -> List.copyOf(((TableView<CallbackRow>) lookup(table).queryAs(TableView.class)).getItems()));
    }
}
