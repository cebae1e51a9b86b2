package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.incident.IncidentView;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;

/**
 * Holds back the composition of the agent's desk while the recovery this start set off is on its way. Composing and
 * first rendering the desk keeps the UI thread busy for a second or more on a cold JVM, and the state that opens the
 * Reconnecting modal would wait behind it. When the previous process's leg was just ended as a drop
 * ({@link AbandonedLegs}) the agent's own incident is moments away: the desk waits for it to reach the model (the
 * modal opens first), or for {@code atMost}, whichever comes first. Otherwise the desk is composed at once.
 */
public final class RecoveryFirst {

    private RecoveryFirst() {
    }

    /** @return completes (on any thread) when the desk may be composed; never fails */
    public static CompletableFuture<Void> gate(CompletableFuture<Boolean> legEnded, AgentModel model, UiExecutor ui,
                                               Duration atMost) {
        CompletableFuture<Void> mayCompose = new CompletableFuture<>();
        legEnded.whenComplete((ended, failure) -> ui.execute(() -> {
            if (!Boolean.TRUE.equals(ended) || isOwnOpen(model, model.incidentProperty().get())) {
                mayCompose.complete(null);
                return;
            }
            ChangeListener<IncidentView> arrived = (obs, old, now) -> {
                if (isOwnOpen(model, now)) {
                    mayCompose.complete(null);
                }
            };
            model.incidentProperty().addListener(arrived);
            mayCompose.whenComplete((done, never) -> ui.execute(() -> model.incidentProperty().removeListener(arrived)));
        }));
        return mayCompose.completeOnTimeout(null, atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean isOwnOpen(AgentModel model, IncidentView incident) {
        return incident != null && incident.isOpen() && model.workerSid() != null
                && model.workerSid().equals(incident.droppedWorkerSid());
    }
}
