package dev.lifeline.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/** Issue 21 item 6: a long message in the status bar never squeezes the connection indicator to "…". */
class StatusBarTest extends DesktopUiTest {

    private static final String LONG_MESSAGE = "Could not take the reconnection automatically: "
            + "the server could not do it right now; try again in a moment. ".repeat(6);

    @Test
    void theConnectionIndicatorKeepsItsWordsBesideAVeryLongMessage() {
        awaitDesk();

        interact(() -> shell.agentModel().reportProblem(LONG_MESSAGE));

        Await.untilFx("the message shows", () -> text("#statusMessage").equals(LONG_MESSAGE));
        assertThat(displayed("#connectionState")).isEqualTo("Connected");
        assertThat(displayed("#statusMessage")).as("the message is the one cut short").isNotEqualTo(LONG_MESSAGE)
                .startsWith("Could not take the reconnection");
    }

    /** What the label really draws: its text, or the clipped text with an ellipsis when it has too little room. */
    private String displayed(String query) {
        return Await.onFx(() -> {
            Labeled label = lookup(query).queryAs(Labeled.class);
            label.applyCss();
            label.getParent().layout();
            return ((Text) label.lookup(".text")).getText();
        });
    }
}
