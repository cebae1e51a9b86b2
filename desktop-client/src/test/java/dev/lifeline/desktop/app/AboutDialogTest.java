package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class AboutDialogTest extends DesktopUiTest {

    @Override
    protected String signInAs() {
        return null;
    }

    @Test
    void f1ShowsTheAboutBoxWithTheVersion() {
        clickOn("#serverField");
        press(KeyCode.F1).release(KeyCode.F1);

        Await.untilFx("the about box shows", () -> lookup("#aboutDialog").tryQuery().isPresent());
        String header = Await.onFx(() -> lookup("#aboutDialog").queryAs(DialogPane.class).getHeaderText());
        assertThat(header).isEqualTo("Lifeline Desktop " + Version.current());
    }
}
