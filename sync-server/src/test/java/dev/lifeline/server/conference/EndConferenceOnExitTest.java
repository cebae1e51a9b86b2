package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.Effect.EndConference;
import dev.lifeline.server.recovery.Effect.SetEndConferenceOnExit;
import org.junit.jupiter.api.Test;

import static dev.lifeline.server.conference.Calls.ALICE_LEG;
import static dev.lifeline.server.conference.Calls.CUSTOMER;
import static dev.lifeline.server.conference.Calls.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

class EndConferenceOnExitTest {

    @Test
    void workerEndConferenceOnExitResetIsUndoneWhileCustomerPresent() {
        Calls calls = Calls.customerWithAlice().modify(ALICE_LEG, true);

        assertThat(calls.last().effects()).singleElement().isInstanceOfSatisfying(SetEndConferenceOnExit.class,
                set -> {
                    assertThat(set.callSid()).isEqualTo(ALICE_LEG);
                    assertThat(set.value()).isFalse();
                });
    }

    @Test
    void workerFlagIsLeftAloneOnceTheCustomerHasLeft() {
        Calls calls = Calls.customerWithAlice().leave(CUSTOMER, LeaveReason.PARTICIPANT_HUNG_UP)
                .modify(ALICE_LEG, true);

        assertThat(calls.last().effects()).isEmpty();
    }

    @Test
    void registrationSetsTheAgentsFlagExplicitlyWhenItsModifyCameFirst() {
        Calls calls = new Calls().join(CUSTOMER, true).join(ALICE_LEG, true).register(ALICE_LEG, Calls.alice());

        assertThat(calls.last().effects()).singleElement().isInstanceOfSatisfying(SetEndConferenceOnExit.class,
                set -> assertThat(set.value()).isFalse());
    }

    @Test
    void customerKeepsEndConferenceOnExitOnTwoPartyCalls() {
        Calls calls = Calls.customerWithAlice();

        assertThat(calls.effects(SetEndConferenceOnExit.class)).isEmpty();
        assertThat(calls.participant(CUSTOMER).endConferenceOnExit()).isTrue();
    }

    @Test
    void thirdPartyJoiningTurnsTheCustomersFlagOffSoTheConferenceSurvivesTheRedirect() {
        Calls calls = Calls.customerWithAlice().join(THIRD_PARTY, true);

        assertThat(calls.last().effects()).extracting(e -> ((SetEndConferenceOnExit) e).callSid(),
                        e -> ((SetEndConferenceOnExit) e).value())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CUSTOMER, false),
                        org.assertj.core.groups.Tuple.tuple(THIRD_PARTY, false));
    }

    @Test
    void lastThirdPartyLeavingGivesTheCustomerItsFlagBack() {
        Calls calls = Calls.customerWithAlice().join(THIRD_PARTY, false).modify(CUSTOMER, false)
                .leave(THIRD_PARTY, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.last().effects()).singleElement().isInstanceOfSatisfying(SetEndConferenceOnExit.class,
                set -> {
                    assertThat(set.callSid()).isEqualTo(CUSTOMER);
                    assertThat(set.value()).isTrue();
                });
    }

    @Test
    void gracefulHangUpOnATwoPartyCallEndsTheConferenceSoTheCustomerIsNotLeftAlone() {
        Calls calls = Calls.customerWithAlice().graceful(ALICE_LEG, GracefulExit.HANG_UP);

        assertThat(calls.effects(EndConference.class)).singleElement()
                .satisfies(end -> assertThat(end.conferenceSid()).isEqualTo(Calls.CONFERENCE));
    }

    @Test
    void gracefulHangUpWithAThirdPartyLeavesTheConferenceRunning() {
        Calls calls = Calls.customerWithAlice().join(THIRD_PARTY, false).graceful(ALICE_LEG, GracefulExit.HANG_UP);

        assertThat(calls.effects(EndConference.class)).isEmpty();
    }

    @Test
    void coldTransferKeepsTheConferenceForTheNextAgent() {
        Calls calls = Calls.customerWithAlice().graceful(ALICE_LEG, GracefulExit.COLD_TRANSFER);

        assertThat(calls.effects(EndConference.class)).isEmpty();
        assertThat(calls.participant(ALICE_LEG).leftGracefully()).isTrue();
    }

    @Test
    void markingTheSameHangUpTwiceEndsTheConferenceOnce() {
        Calls calls = Calls.customerWithAlice().graceful(ALICE_LEG, GracefulExit.HANG_UP)
                .graceful(ALICE_LEG, GracefulExit.HANG_UP);

        assertThat(calls.effects(EndConference.class)).hasSize(1);
    }
}
