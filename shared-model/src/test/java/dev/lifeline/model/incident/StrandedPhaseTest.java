package dev.lifeline.model.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.Samples;
import dev.lifeline.model.codec.JsonCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STRANDED (issue 21 item 3): the customer is on the line in no queue. The incident is not over — supervisors see it
 * in progress, with an alert — but the dropped agent has been released, so the Reconnecting modal is not open for it.
 */
class StrandedPhaseTest {

    @Test
    void aStrandedIncidentIsNotOverButNoLongerHoldsTheAgent() {
        assertThat(Phase.STRANDED.isTerminal()).isFalse();
        assertThat(Phase.STRANDED.holdsAgent()).isFalse();
        for (Phase phase : Phase.values()) {
            if (phase != Phase.STRANDED) {
                assertThat(phase.holdsAgent()).as(phase.name()).isEqualTo(!phase.isTerminal());
            }
        }
        IncidentView stranded = new IncidentView("CF1:CA1", "CF1", Phase.STRANDED, 1, "WK1", null, null, null, List.of(),
                null, null, Map.of(Phase.STRANDED, Instant.EPOCH), null, 4, "The customer is on the line in no queue");
        assertThat(stranded.isOpen()).as("the agent's modal").isFalse();
    }

    @Test
    void theAlertTravelsOnTheWireAndAViewWithoutOneHasNone() {
        IncidentView incident = Samples.incident();
        IncidentView alerted = new IncidentView(incident.incidentId(), incident.conferenceSid(), Phase.STRANDED,
                incident.attempt(), incident.droppedWorkerSid(), incident.droppedWorkerName(), incident.customerLabel(),
                incident.customerNumber(), incident.remainingParties(), incident.deadline(), incident.pingDeadline(),
                incident.phaseReachedAt(), null, incident.version() + 1, "The customer is on the line in no queue");

        String json = JsonCodec.shared().encode(alerted);

        assertThat(json).contains("\"phase\":\"STRANDED\"").contains("\"alert\":\"The customer is on the line in no queue\"");
        assertThat(JsonCodec.shared().decode(json, IncidentView.class)).isEqualTo(alerted);
        assertThat(incident.alert()).isNull();
    }
}
