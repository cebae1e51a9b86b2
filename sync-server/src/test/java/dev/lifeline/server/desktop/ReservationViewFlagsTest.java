package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, server side: the reservation views desktops get (offers, snapshots) flag a requeued customer's task as
 * ordinary work, although its attributes still say {@code isReconnect} and name the incident (Insights needs them).
 * The incident lives in the cluster's incident map, where the hub reads it.
 */
class ReservationViewFlagsTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @Test
    void aRequeuedCustomersReservationIsAnOrdinaryOfferForEveryAgentIncludingTheOneWhoDropped() {
        String incidentId = "CF" + UUID.randomUUID() + ":CAalice";
        apply(incidentId, drop(incidentId));
        apply(incidentId, new RecoveryEvent.PingTaskCreated("WTping"));
        apply(incidentId, new RecoveryEvent.PingCanceled("WTping", "Task TTL Exceeded"));
        assertThat(server.engine.incidents().get(incidentId).orElseThrow().phase()).isEqualTo(Phase.REQUEUED);
        String requeuedTask = customerTask(incidentId, null);

        ReservationView toBob = view(server.workerSid("bob"), requeuedTask);
        ReservationView backToAlice = view(server.workerSid("alice"), requeuedTask);

        assertThat(toBob.isPartOfRecovery()).isFalse();
        assertThat(backToAlice.isPartOfRecovery()).isFalse();
        assertThat(toBob.incidentId()).isEqualTo(incidentId);
    }

    @Test
    void theTargetedReconnectOfTheReturningAgentIsFlaggedWhileTheIncidentWaitsForIt() {
        String incidentId = "CF" + UUID.randomUUID() + ":CAalice";
        apply(incidentId, drop(incidentId));
        apply(incidentId, new RecoveryEvent.PingTaskCreated("WTping"));
        apply(incidentId, new RecoveryEvent.PingAccepted("WTping"));
        try {
            ReservationView reconnect = view(server.workerSid("alice"), customerTask(incidentId, server.workerSid("alice")));

            assertThat(reconnect.isReconnect()).isTrue();
            assertThat(reconnect.isRecoveryPing()).isFalse();
        } finally {
            // The shared fixture's other tests must not find alice in the middle of a recovery.
            apply(incidentId, new RecoveryEvent.CancelledBySupervisor("test clean-up"));
        }
    }

    private static ReservationView view(String workerSid, String attributesJson) {
        return server.hub.views().view("WR" + UUID.randomUUID(), "WT1", workerSid, ReservationStatus.PENDING, "voice",
                server.workspace.voiceWorkflowSid(), "Support", attributesJson, Instant.now());
    }

    private static String customerTask(String incidentId, String targetWorkerSid) {
        return "{\"call_sid\":\"CAcust\",\"from\":\"+15550100\",\"isReconnect\":true,\"lifelineIncident\":\"" + incidentId + "\""
                + (targetWorkerSid == null ? "" : ",\"targetWorkerSid\":\"" + targetWorkerSid + "\"") + "}";
    }

    private static RecoveryEvent.DropDetected drop(String incidentId) {
        return new RecoveryEvent.DropDetected(incidentId, null, 1, null, incidentId.split(":")[0],
                new DroppedWorker(server.workerSid("alice"), "Alice Agent", "CAalice", "WT0", "WR0", "WWvoice",
                        TaskAttributes.empty()), "CAcust",
                List.of(new PartySnapshot("CAcust", PartyRole.CUSTOMER, "customer", false, false, true)));
    }

    /** Straight into the incident map: the transition's effects are not performed (there is no call to act on). */
    private static void apply(String incidentId, RecoveryEvent event) {
        server.engine.incidents().apply(incidentId, event, Instant.now(), server.engine.policy());
    }
}
