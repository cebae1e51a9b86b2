package dev.lifeline.desktop.dialpad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** The agent's dial pad on a real desk (headless TestFX) against the fake server. */
class DialPadTest extends DesktopUiTest {

    private Path configDirectory;

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        try {
            configDirectory = Files.createTempDirectory("dialpad-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config.withConfigDirectory(configDirectory);
    }

    @Test
    void typingANumberOnTheKeysAndPressingCallPlacesItAndKeepsItAmongTheRecentNumbers() {
        awaitDesk();
        for (String key : List.of("#dialPlus", "#dial1", "#dial5", "#dial5", "#dial5", "#dial1", "#dial2", "#dial3",
                "#dial0", "#dial0", "#dial0", "#dial2")) {
            clickOn(key);
        }
        assertThat(Await.onFx(() -> lookup("#dialNumber").queryAs(TextField.class).getText())).isEqualTo("+15551230002");

        clickOn("#dialCallButton");

        Await.until("the call reaches the server", () -> server.placedCalls().equals(List.of("+15551230002")));
        Await.untilFx("the number is among the recent ones", () -> recent().equals(List.of("+15551230002")));
        assertThat(Await.onFx(() -> lookup("#dialNumber").queryAs(TextField.class).getText())).isEmpty();
        assertThat(new RecentNumbers(configDirectory, "alice").load()).containsExactly("+15551230002");
    }

    @Test
    void aRecentNumberClickedGoesIntoTheFieldAndIsCalledAgain() {
        awaitDesk();
        clickOn("#dialNumber").write("+15551230002");
        clickOn("#dialCallButton");
        Await.untilFx("the number is among the recent ones", () -> recent().equals(List.of("+15551230002")));
        Await.untilFx("the field is empty again", () -> lookup("#dialNumber").queryAs(TextField.class).getText().isEmpty());

        javafx.scene.Node firstRecent = Await.onFx(() -> lookup("#recentNumbers .list-cell").nth(0).query());
        clickOn(firstRecent);
        Await.untilFx("the number is in the field", () -> "+15551230002".equals(lookup("#dialNumber").queryAs(TextField.class).getText()));
        clickOn("#dialCallButton");

        Await.until("the second call reaches the server", () -> server.placedCalls().size() == 2);
        assertThat(server.placedCalls()).containsExactly("+15551230002", "+15551230002");
        Await.untilFx("still one entry for the number", () -> recent().equals(List.of("+15551230002")));
    }

    @Test
    void aNumberThatCannotBeCalledShowsADialogAndNothingIsSent() {
        awaitDesk();
        clickOn("#dialNumber").write("555-1234");
        clickOn("#dialCallButton");

        Await.untilFx("the refusal dialog shows", () -> lookup("#callRefusedDialog").tryQuery().isPresent());
        assertThat(dialogText()).contains("555-1234").contains("+");
        assertThat(server.placedCalls()).isEmpty();
    }

    @Test
    void aCallTheServerRefusesShowsItsReasonInADialog() {
        server.refuseCalls(Problem.conflict("You are not Available: set yourself Available to place a call"));
        awaitDesk();
        clickOn("#dialNumber").write("+1 555 123 0002");
        clickOn("#dialCallButton");

        Await.untilFx("the refusal dialog shows", () -> lookup("#callRefusedDialog").tryQuery().isPresent());
        assertThat(dialogText()).isEqualTo("You are not Available: set yourself Available to place a call");
        assertThat(server.placedCalls()).containsExactly("+15551230002");
        assertThat(recent()).isEmpty();
    }

    @Test
    void theDialPadIsDisabledWhileACallIsOnTheDesk() {
        awaitDesk();
        assertThat(disabled("#dialNumber")).isFalse();
        server.push(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));

        Await.untilFx("the call shows", () -> shown("#callCard"));
        Await.untilFx("the dial pad is disabled", () -> lookup("#dialNumber").query().isDisabled());
        assertThat(disabled("#dial5")).isTrue();
        assertThat(disabled("#dialCallButton")).isTrue();
        assertThat(disabled("#recentNumbers")).isTrue();
    }

    private List<String> recent() {
        return Await.onFx(() -> List.copyOf(lookup("#recentNumbers").<ListView<String>>queryAs(castListView()).getItems()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<ListView<String>> castListView() {
        return (Class) ListView.class;
    }

    private String dialogText() {
        return Await.onFx(() -> lookup("#callRefusedDialog").queryAs(DialogPane.class).getContentText());
    }
}
