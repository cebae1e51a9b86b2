package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.testing.Screenshots;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.Phase;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renders the agent desk in a call and the Reconnecting modal over it, for docs/screenshots. */
class AgentScreenshotTest extends DesktopUiTest {

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> new StateSnapshot(Samples.alice("Available"), List.of(), List.of(Samples.wrappingTask("WT0")),
                null, null, null, Instant.now()));
    }

    @Test
    void rendersTheAgentDeskInACall() {
        awaitDesk();
        ConferenceView call = new ConferenceView("CF1", "WT1", List.of(
                new ParticipantView("CAcustomer", ParticipantRole.CUSTOMER, "customer", "Jane Doe (+1 555 0100)", false, false, true),
                new ParticipantView("CAagent", ParticipantRole.WORKER, "worker", "Alice Agent", false, false, false),
                new ParticipantView("CAinterp", ParticipantRole.EXTERNAL, "interpreter", "Interpreter (+1 555 0199)", true, false, false)),
                Instant.now().minusSeconds(263), null);
        server.push(new ConferenceChanged(call));
        Await.untilFx("the call shows", () -> shown("#callCard") && text("#callTimer").startsWith("4:2"));

        Path file = Screenshots.write(Await.onFx(() -> Screenshots.snapshot(shell.stage().getScene())), "agent-desk");

        assertThat(file).exists().isNotEmptyFile();
    }

    @Test
    void rendersTheReconnectingModalOverTheDesk() {
        awaitDesk();
        server.push(new IncidentChanged(Samples.incident("CF1:CAagent", Phase.PINGING, 1)));
        Await.untilFx("the modal shows", () -> shown("#reconnectModal") && !text("#reconnectCountdown").isEmpty());

        BufferedImage image = Await.onFx(() -> {
            BufferedImage desk = Screenshots.snapshot(shell.stage().getScene());
            BufferedImage modal = Screenshots.snapshot(shell.modal().stage().getScene());
            return Screenshots.overlay(desk, modal, (desk.getWidth() - modal.getWidth()) / 2,
                    (desk.getHeight() - modal.getHeight()) / 3);
        });
        Path file = Screenshots.write(image, "reconnect-modal");

        assertThat(file).exists().isNotEmptyFile();
    }
}
