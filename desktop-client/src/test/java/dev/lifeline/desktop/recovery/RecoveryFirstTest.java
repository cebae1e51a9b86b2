package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The desk waits for the recovery its start set off, and only for that (issue 14). */
class RecoveryFirstTest {

    private static final Duration NEVER_IN_THIS_TEST = Duration.ofHours(1);

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());

    @Test
    void noLegEndedMeansTheDeskIsComposedAtOnce() {
        assertThat(RecoveryFirst.gate(CompletableFuture.completedFuture(false), model, UiExecutor.DIRECT,
                NEVER_IN_THIS_TEST)).isDone();
    }

    @Test
    void aLegEndedAsADropHoldsTheDeskUntilTheAgentsOwnIncidentArrives() {
        CompletableFuture<Boolean> legEnded = new CompletableFuture<>();
        CompletableFuture<Void> mayCompose = RecoveryFirst.gate(legEnded, model, UiExecutor.DIRECT, NEVER_IN_THIS_TEST);
        legEnded.complete(true);
        assertThat(mayCompose).as("the incident is not there yet").isNotDone();

        model.apply(new IncidentChanged(Samples.incident("CF1:CAagent", Phase.DETECTED, 1)));

        assertThat(mayCompose).isDone();
    }

    @Test
    void anIncidentAlreadyThereLetsTheDeskGoOn() {
        model.apply(new IncidentChanged(Samples.incident("CF1:CAagent", Phase.PINGING, 1)));
        assertThat(RecoveryFirst.gate(CompletableFuture.completedFuture(true), model, UiExecutor.DIRECT,
                NEVER_IN_THIS_TEST)).isDone();
    }

    @Test
    void anIncidentThatNeverComesHoldsTheDeskOnlyForTheBound() {
        CompletableFuture<Void> mayCompose = RecoveryFirst.gate(CompletableFuture.completedFuture(true), model,
                UiExecutor.DIRECT, Duration.ofMillis(50));
        mayCompose.join();
        assertThat(mayCompose).isDone();
        assertThat(model.incidentProperty().get()).isNull();
    }
}
