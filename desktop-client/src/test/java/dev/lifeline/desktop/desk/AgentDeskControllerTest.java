package dev.lifeline.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.SnapshotOnConnect;
import dev.lifeline.desktop.recovery.RecoveryViewModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How the agent's events reach the desk, without a window: the view models are plain JUnit. */
class AgentDeskControllerTest {

    private static final String INCIDENT = "CF1:CAagent";

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecoveryViewModel recovery = new RecoveryViewModel(model);
    private final CompletableFuture<StateSnapshot> stateAnswer = new CompletableFuture<>();
    private final AgentDeskController controller = new AgentDeskController(model,
            new AgentDeskViewModel(model, new RecordingSender(), UiExecutor.DIRECT),
            new SnapshotOnConnect<>(() -> stateAnswer, model::apply, UiExecutor.DIRECT), null);

    /**
     * The ReconnectModalTest flake (issue 11): on connect the desktop also asks for its state over REST. When that answer
     * arrived after the recovery's end on the socket, it put the open incident back and the modal stayed up for good.
     */
    @Test
    void aStateAnswerThatArrivesAfterTheRecoveryEndedDoesNotReopenTheModal() {
        StateSnapshot pinging = Samples.withIncident(Samples.incident(INCIDENT, Phase.PINGING, 1));
        controller.onConnected();
        controller.onEvent(pinging);
        assertThat(recovery.openProperty().get()).isTrue();
        controller.onEvent(new IncidentChanged(Samples.incident(INCIDENT, Phase.CUSTOMER_LEFT, 5)));

        stateAnswer.complete(pinging);

        assertThat(recovery.openProperty().get()).isFalse();
        assertThat(recovery.outcomeProperty().get()).isEqualTo("The customer hung up before you were back");
        assertThat(model.incidentProperty().get().version()).isEqualTo(5);
    }

    @Test
    void theStateAnswerFillsTheDeskWhenTheSocketsSnapshotHasNotComeYet() {
        controller.onConnected();

        stateAnswer.complete(Samples.withIncident(Samples.incident(INCIDENT, Phase.PINGING, 1)));

        assertThat(recovery.openProperty().get()).isTrue();
    }
}
