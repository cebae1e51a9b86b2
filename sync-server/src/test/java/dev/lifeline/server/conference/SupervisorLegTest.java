package dev.lifeline.server.conference;

import static dev.lifeline.server.conference.Calls.ALICE_LEG;
import static dev.lifeline.server.conference.Calls.CUSTOMER;
import static dev.lifeline.server.conference.Calls.SUPERVISOR_LEG;
import static dev.lifeline.server.conference.Calls.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import dev.lifeline.server.recovery.RecoveryEvent.PartyJoined;
import org.junit.jupiter.api.Test;

/**
 * A supervisor listening in (issue 18 item 3) is no party of the call: it never triggers a recovery, is never restored
 * or moved by one, does not change who ends the conference, and leaves when the last agent does.
 */
class SupervisorLegTest {

    @Test
    void aLegWithTheSupervisorsLabelIsTheSupervisorsAndLeavesTheCustomersEndConferenceOnExitAlone() {
        Calls calls = Calls.customerWithAlice().join(SUPERVISOR_LEG, false);

        assertThat(calls.participant(SUPERVISOR_LEG).role()).isEqualTo(PartyRole.SUPERVISOR);
        assertThat(calls.effects(Effect.SetEndConferenceOnExit.class)).as("a third party would clear the customer's flag")
                .isEmpty();
        assertThat(Calls.customerWithAlice().join(THIRD_PARTY, false).effects(Effect.SetEndConferenceOnExit.class))
                .isNotEmpty();
    }

    @Test
    void theSupervisorLeavingIsNoDropAndAsksForNothing() {
        Calls calls = Calls.customerWithAlice().join(SUPERVISOR_LEG, false);
        int events = calls.events.size();
        int effects = calls.effects.size();

        calls.leave(SUPERVISOR_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events).hasSize(events);
        assertThat(calls.effects).hasSize(effects);
        assertThat(calls.participant(ALICE_LEG).present()).isTrue();
    }

    @Test
    void anAgentDropWhileASupervisorListensIsRecoveredWithoutTheSupervisorWhoseLegIsTakenOut() {
        Calls calls = Calls.customerWithAlice().join(SUPERVISOR_LEG, false).leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected drop = calls.events(DropDetected.class).get(0);
        assertThat(drop.remainingParties()).extracting(PartySnapshot::callSid).containsExactly(CUSTOMER);
        assertThat(calls.effects(Effect.RemoveParticipant.class)).singleElement()
                .satisfies(remove -> assertThat(remove.callSidOrLabel()).isEqualTo(SUPERVISOR_LEG));
    }

    @Test
    void anAgentHangingUpWithASupervisorListeningStillEndsTheCallAndTakesTheSupervisorOut() {
        Calls calls = Calls.customerWithAlice().join(SUPERVISOR_LEG, false).graceful(ALICE_LEG, GracefulExit.HANG_UP);

        assertThat(calls.effects(Effect.EndConference.class)).as("the customer is not left with the supervisor").hasSize(1);
        calls.leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);
        assertThat(calls.events(DropDetected.class)).isEmpty();
        assertThat(calls.effects(Effect.RemoveParticipant.class)).hasSize(1);
    }

    @Test
    void aSupervisorJoiningWhileTheAgentIsGoneIsNotBroughtAlongByTheRecovery() {
        Calls calls = Calls.customerWithAlice().leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP)
                .join(SUPERVISOR_LEG, false);

        assertThat(calls.events(DropDetected.class)).hasSize(1);
        assertThat(calls.events(PartyJoined.class)).isEmpty();
        assertThat(Calls.customerWithAlice().leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP).join(THIRD_PARTY, false)
                .events(PartyJoined.class)).as("a third party is").hasSize(1);
    }
}
