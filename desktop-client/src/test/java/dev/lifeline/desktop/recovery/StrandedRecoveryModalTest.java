package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 3 on the agent's desk: when Twilio refuses to bring the customer back, the incident is STRANDED — still
 * in progress for the supervisors, but the agent is released, so the Reconnecting modal closes and says what happened.
 */
class StrandedRecoveryModalTest {

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecoveryViewModel recovery = new RecoveryViewModel(model);

    private static IncidentView incident(Phase phase, long version) {
        Instant detected = Instant.now();
        return new IncidentView("I1", "CF1", phase, 1, Samples.WORKER, "Alice", null, "+15550100", List.of(),
                detected.plusSeconds(120), detected.plusSeconds(15), Map.of(Phase.DETECTED, detected), null, version,
                phase == Phase.STRANDED ? "The customer is on the line in no queue" : null);
    }

    @Test
    void theModalClosesWhenTheCustomerIsStrandedAndTellsTheAgentASupervisorWasAlerted() {
        model.apply(new IncidentChanged(incident(Phase.RECONNECT_ENQUEUED, 3)));
        assertThat(recovery.openProperty().get()).isTrue();

        model.apply(new IncidentChanged(incident(Phase.STRANDED, 4)));

        assertThat(recovery.openProperty().get()).isFalse();
        assertThat(recovery.outcomeProperty().get()).startsWith("We could not bring the customer back to you. A supervisor "
                + "has been alerted");
    }
}
