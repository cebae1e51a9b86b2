package dev.lifeline.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 21 item 6: the status bar speaks plain words, never a SID, and its messages go away by themselves. */
class AgentDeskViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");
    private static final String SID = "WR0123456789abcdef0123456789abcdef";

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.fixed(NOW, ZoneOffset.UTC));
    private final RecordingSender sender = new RecordingSender();
    private final AgentDeskViewModel desk = new AgentDeskViewModel(model, sender, UiExecutor.DIRECT);

    @Test
    void aMessageStaysForTenSecondsThenClearsItself() {
        desk.status("Last recovery: Reconnected");

        desk.tick(NOW.plus(AgentDeskViewModel.MESSAGE_SHOWN_FOR).minusMillis(1));
        assertThat(desk.statusProperty().get()).isEqualTo("Last recovery: Reconnected");

        desk.tick(NOW.plus(AgentDeskViewModel.MESSAGE_SHOWN_FOR));
        assertThat(desk.statusProperty().get()).isEmpty();
    }

    @Test
    void aRefusedActivityChangeIsShownInPlainWordsNotTheServersDetail() {
        sender.refuse(409, "Twilio refused: set activity of WK0123456789abcdef0123456789abcdef failed (400)");

        desk.chooseActivity(Activity.AVAILABLE);

        assertThat(desk.statusProperty().get()).isEqualTo("Could not change your activity: it changed in the meantime.");
    }

    @Test
    void aProblemTheServerReportsOnTheSocketIsShownWithoutItsSids() {
        model.apply(new ProblemReported(Problem.conflict("Reservation " + SID + " is canceled; only a pending reservation can be accepted")));

        assertThat(desk.statusProperty().get()).isEqualTo("The server turned down a request: it changed in the meantime.")
                .doesNotContain("WR");
    }

    @Test
    void aRecoveryProblemGoesWhenTheRecoveryEnds() {
        model.apply(new IncidentChanged(Samples.incident("I1", Phase.PINGING, 1)));
        model.reportRecoveryProblem("Could not take the reconnection automatically: the server cannot be reached right now.");
        assertThat(desk.statusProperty().get()).startsWith("Could not take the reconnection");

        model.apply(new IncidentChanged(Samples.incident("I1", Phase.REQUEUED, 2)));

        assertThat(desk.statusProperty().get()).isEmpty();
    }

    @Test
    void theEndOfARecoveryProblemLeavesANewerMessageAlone() {
        model.apply(new IncidentChanged(Samples.incident("I1", Phase.PINGING, 1)));
        model.reportRecoveryProblem("Could not take the reconnection automatically: the server cannot be reached right now.");
        desk.status("Last recovery: Customer returned to the queue");

        model.apply(new IncidentChanged(Samples.incident("I1", Phase.REQUEUED, 2)));

        assertThat(desk.statusProperty().get()).isEqualTo("Last recovery: Customer returned to the queue");
    }
}
