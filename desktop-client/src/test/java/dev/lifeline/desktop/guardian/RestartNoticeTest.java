package dev.lifeline.desktop.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The notice a restarted desktop shows, in a real (headless) JavaFX stage. */
class RestartNoticeTest extends FxRobot {

    private Stage owner;

    @BeforeEach
    void showTheMainWindow() throws Exception {
        owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 640, 480));
            stage.show();
        });
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theRestartedDesktopSaysWhyAndTheAgentCanDismissIt() throws Exception {
        AtomicReference<Stage> shown = new AtomicReference<>();
        FxToolkit.setupFixture(() -> shown.set(RestartNotice.show(owner, "it was killed (SIGKILL)")));
        Stage notice = shown.get();

        Await.untilFx("the notice shows", notice::isShowing);
        assertThat(Await.onFx(notice::getTitle)).isEqualTo("Lifeline restarted after a problem");
        assertThat(Await.onFx(notice::getOwner)).isSameAs(owner);
        String text = Await.onFx(() -> ((Label) notice.getScene().lookup("#restartNoticeText")).getText());
        assertThat(text).contains("it was killed (SIGKILL)").contains("comes back to you by itself");

        clickOn(Await.onFx(() -> notice.getScene().lookup("#restartNoticeOk")));

        Await.untilFx("the notice is gone", () -> !notice.isShowing());
    }
}
