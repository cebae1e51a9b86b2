package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.testing.Screenshots;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** Renders the supervisor's live queue panel with a recovery in progress, for docs/screenshots. */
class SupervisorScreenshotTest extends DesktopUiTest {

    @Override
    protected void script(FakeLifelineServer server) {
        server.queueSnapshot(Samples.queue(List.of(Samples.incident("CF1:CAagent", Phase.PINGING, 1)), List.of(
                Samples.restored("CF0:CAbob"),
                new FinishedIncident("CF9:CAcarol", "Carol Chen", "+1 555 0142", Phase.REQUEUED,
                        "Customer returned to the queue", Instant.now().minusSeconds(240), null),
                new FinishedIncident("CF8:CAbob", "Bob Builder", "Acme Ltd", Phase.RESTORED, "Reconnected to Bob Builder",
                        Instant.now().minusSeconds(600), Duration.ofMillis(6100)))));
    }

    @Override
    protected String signInAs() {
        return "sam";
    }

    @Test
    void rendersTheSupervisorPanel() {
        Await.untilFx("the panel is filled", () -> lookup("#finishedTable").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 3).orElse(false)
                && "Connected".equals(text("#connectionState")));
        interact(() -> lookup("#incidentTable").queryAs(TableView.class).getSelectionModel().select(0));

        Path file = Screenshots.write(Await.onFx(() -> Screenshots.snapshot(shell.stage().getScene())), "supervisor-panel");

        assertThat(file).exists().isNotEmptyFile();
    }
}
