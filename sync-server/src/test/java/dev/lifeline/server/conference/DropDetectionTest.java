package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.lifeline.server.conference.Calls.ALICE_LEG;
import static dev.lifeline.server.conference.Calls.BOB_LEG;
import static dev.lifeline.server.conference.Calls.CUSTOMER;
import static dev.lifeline.server.conference.Calls.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

class DropDetectionTest {

    @Test
    void lastAgentHangingUpUnannouncedWhileTheCustomerStaysIsADrop() {
        Calls calls = Calls.customerWithAlice().leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected drop = calls.events(DropDetected.class).get(0);
        assertThat(drop.incidentId()).isEqualTo("CF1:CAalice");
        assertThat(drop.interactionId()).isEqualTo("CF1:CAalice");
        assertThat(drop.attempt()).isEqualTo(1);
        assertThat(drop.previousIncidentId()).isNull();
        assertThat(drop.customerCallSid()).isEqualTo(CUSTOMER);
        assertThat(drop.droppedWorker().workerSid()).isEqualTo("WKalice");
        assertThat(drop.droppedWorker().reservationSid()).isEqualTo("WR1");
        assertThat(drop.remainingParties()).extracting(PartySnapshot::callSid).containsExactly(CUSTOMER);
    }

    @Test
    void leaveWithoutAReasonIsTreatedAsAPossibleDrop() {
        Calls calls = Calls.customerWithAlice().leave(ALICE_LEG, LeaveReason.UNKNOWN);

        assertThat(calls.events(DropDetected.class)).hasSize(1);
    }

    @Test
    void remainingPartiesAreSnapshottedWithTheirRolesAndState() {
        Calls calls = Calls.customerWithAlice().join(THIRD_PARTY, false)
                .event(ConferenceCallback.Kind.PARTICIPANT_HOLD, THIRD_PARTY)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected drop = calls.events(DropDetected.class).get(0);
        assertThat(drop.remainingParties()).containsExactly(
                new PartySnapshot(CUSTOMER, PartyRole.CUSTOMER, "customer", false, false, true),
                new PartySnapshot(THIRD_PARTY, PartyRole.EXTERNAL, "external", true, false, false));
    }

    @Test
    void gracefulHangUpIsNoDrop() {
        Calls calls = Calls.customerWithAlice().graceful(ALICE_LEG, GracefulExit.HANG_UP)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @Test
    void coldTransferIsNoDrop() {
        Calls calls = Calls.customerWithAlice().graceful(ALICE_LEG, GracefulExit.COLD_TRANSFER)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_UPDATED_VIA_API);

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @Test
    void agentDroppingWhileAnotherAgentStaysWithTheCustomerIsNoDrop() {
        Calls calls = Calls.customerWithAlice().join(BOB_LEG, false).register(BOB_LEG, Calls.bob())
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @Test
    void transferredCallDropReportsTheSecondAgentsOwnTaskReservationAndWorkflow() {
        Calls calls = Calls.customerWithAlice().join(BOB_LEG, false).register(BOB_LEG, Calls.bob())
                .graceful(ALICE_LEG, GracefulExit.HANG_UP).leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP)
                .leave(BOB_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected drop = calls.events(DropDetected.class).get(0);
        assertThat(drop.droppedWorker().workerSid()).isEqualTo("WKbob");
        assertThat(drop.droppedWorker().taskSid()).isEqualTo("WT7");
        assertThat(drop.droppedWorker().reservationSid()).isEqualTo("WR7");
        assertThat(drop.droppedWorker().workflowSid()).isEqualTo("WWsupport");
    }

    @Test
    void agentLeavingAfterTheCustomerHungUpIsNoDrop() {
        Calls calls = Calls.customerWithAlice().leave(CUSTOMER, LeaveReason.PARTICIPANT_HUNG_UP)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).isEmpty();
        assertThat(calls.events(CustomerLeft.class)).containsExactly(new CustomerLeft(CUSTOMER));
    }

    @Test
    void agentLeaveReportedAfterTheConferenceEndedIsNoDrop() {
        Calls calls = Calls.customerWithAlice();
        long aliceLeft = calls.nextSequence();
        calls.end().apply(ConferenceCallback.leave(Calls.CONFERENCE, ALICE_LEG, aliceLeft,
                LeaveReason.PARTICIPANT_HUNG_UP));

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = LeaveReason.class, names = {"CONFERENCE_ENDED_VIA_API", "MODERATOR_ENDED_CONFERENCE",
            "PARTICIPANT_UPDATED_VIA_API", "PARTICIPANT_ADD_FAILED"})
    void agentLeavingBecauseOfTheConferenceOrTheApiIsNoDrop(LeaveReason reason) {
        Calls calls = Calls.customerWithAlice().leave(ALICE_LEG, reason);

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @Test
    void unregisteredLegLeavingIsNoDrop() {
        Calls calls = new Calls().join(CUSTOMER, true).join(ALICE_LEG, false)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).isEmpty();
    }

    @Test
    void duplicateLeaveDetectsTheDropOnce() {
        Calls calls = Calls.customerWithAlice();
        ConferenceCallback leave = ConferenceCallback.leave(Calls.CONFERENCE, ALICE_LEG, calls.nextSequence(),
                LeaveReason.PARTICIPANT_HUNG_UP);

        calls.apply(leave).apply(leave);

        assertThat(calls.events(DropDetected.class)).hasSize(1);
        assertThat(calls.last().next()).isSameAs(calls.record());
        assertThat(calls.last().recoveryEvents()).isEmpty();
    }

    @Test
    void customerRedirectedIntoTheQueueIsNotReportedAsHangingUp() {
        Calls calls = Calls.customerWithAlice().leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP)
                .leave(CUSTOMER, LeaveReason.PARTICIPANT_UPDATED_VIA_API);

        assertThat(calls.events(CustomerLeft.class)).isEmpty();
    }

    @Test
    void customerLeavingWithoutAReasonButWithALiveCallWasMovedNotHungUp() {
        Calls calls = Calls.customerWithAlice();
        calls.apply(new ConferenceCallback(Calls.CONFERENCE, CUSTOMER, ConferenceCallback.Kind.PARTICIPANT_LEAVE,
                calls.nextSequence(), null, null, null, null, null, "in-progress", null, null));

        assertThat(calls.events(CustomerLeft.class)).isEmpty();
        assertThat(calls.participant(CUSTOMER).present()).isFalse();
    }

    @Test
    void reconnectedAgentDroppingAgainIsTheNextAttemptOfTheSameInteraction() {
        WorkerAssignment reconnectTask = new WorkerAssignment("WKalice", "Alice", "WR2", "WT2", "WWsales",
                dev.lifeline.server.recovery.TaskAttributes.of(java.util.Map.of(
                        "lifelineIncident", "CF0:CAfirst", "lifelineInteractionId", "CF0:CAfirst",
                        "lifelineAttempt", 1, "isReconnect", true)));
        Calls calls = new Calls().join(CUSTOMER, true).join(ALICE_LEG, false).register(ALICE_LEG, reconnectTask)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected drop = calls.events(DropDetected.class).get(0);
        assertThat(drop.interactionId()).isEqualTo("CF0:CAfirst");
        assertThat(drop.attempt()).isEqualTo(2);
        assertThat(drop.previousIncidentId()).isEqualTo("CF0:CAfirst");
        assertThat(calls.events(dev.lifeline.server.recovery.RecoveryEvent.WorkerDroppedAgain.class))
                .singleElement()
                .satisfies(again -> {
                    assertThat(again.previousIncidentId()).isEqualTo("CF0:CAfirst");
                    assertThat(again.nextIncidentId()).isEqualTo(drop.incidentId());
                });
    }
}
