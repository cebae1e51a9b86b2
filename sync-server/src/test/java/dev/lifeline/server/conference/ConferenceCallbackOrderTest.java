package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import org.junit.jupiter.api.Test;

import static dev.lifeline.server.conference.Calls.ALICE_LEG;
import static dev.lifeline.server.conference.Calls.CONFERENCE;
import static dev.lifeline.server.conference.Calls.CUSTOMER;
import static dev.lifeline.server.conference.Calls.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

class ConferenceCallbackOrderTest {

    @Test
    void duplicateCallbackChangesNothing() {
        Calls calls = Calls.customerWithAlice();
        ConferenceCallback hold = ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, CONFERENCE,
                CUSTOMER, calls.nextSequence());
        calls.apply(hold);
        ConferenceRecord afterFirst = calls.record();

        calls.apply(hold);

        assertThat(calls.record()).isSameAs(afterFirst);
        assertThat(calls.last().effects()).isEmpty();
    }

    @Test
    void leaveThatArrivesBeforeItsJoinIsRemembered() {
        Calls calls = Calls.customerWithAlice();
        long joined = calls.nextSequence();
        long left = calls.nextSequence();

        calls.apply(ConferenceCallback.leave(CONFERENCE, THIRD_PARTY, left, LeaveReason.PARTICIPANT_HUNG_UP))
                .apply(ConferenceCallback.join(CONFERENCE, THIRD_PARTY, joined, "external", false, false, false));

        assertThat(calls.participant(THIRD_PARTY).present()).isFalse();
        assertThat(calls.participant(THIRD_PARTY).hasLeft()).isTrue();
    }

    @Test
    void staleUnholdAfterANewerHoldIsIgnored() {
        Calls calls = Calls.customerWithAlice();
        long unhold = calls.nextSequence();
        long hold = calls.nextSequence();

        calls.apply(ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, CONFERENCE, CUSTOMER, hold))
                .apply(ConferenceCallback.of(ConferenceCallback.Kind.PARTICIPANT_UNHOLD, CONFERENCE, CUSTOMER,
                        unhold));

        assertThat(calls.participant(CUSTOMER).hold()).isTrue();
    }

    @Test
    void holdMuteAndTheirReversalsAreTracked() {
        Calls calls = Calls.customerWithAlice()
                .event(ConferenceCallback.Kind.PARTICIPANT_HOLD, CUSTOMER)
                .event(ConferenceCallback.Kind.PARTICIPANT_MUTE, CUSTOMER);
        assertThat(calls.participant(CUSTOMER).hold()).isTrue();
        assertThat(calls.participant(CUSTOMER).muted()).isTrue();

        calls.event(ConferenceCallback.Kind.PARTICIPANT_UNHOLD, CUSTOMER)
                .event(ConferenceCallback.Kind.PARTICIPANT_UNMUTE, CUSTOMER);

        assertThat(calls.participant(CUSTOMER).hold()).isFalse();
        assertThat(calls.participant(CUSTOMER).muted()).isFalse();
    }

    @Test
    void joinReportedAfterTheConferenceEndedIsIgnored() {
        Calls calls = Calls.customerWithAlice();
        long lateJoin = calls.nextSequence();
        calls.end();
        ConferenceRecord ended = calls.record();

        calls.apply(ConferenceCallback.join(CONFERENCE, THIRD_PARTY, lateJoin, "external", false, false, false));

        assertThat(calls.record()).isSameAs(ended);
        assertThat(ended.ended()).isTrue();
        assertThat(ended.presentCount()).isZero();
    }

    @Test
    void conferenceEndTwiceIsOneEnd() {
        Calls calls = Calls.customerWithAlice().end();
        ConferenceRecord ended = calls.record();

        calls.end();

        assertThat(calls.record()).isSameAs(ended);
    }

    @Test
    void agentsJoinArrivingAfterItsRegistrationDoesNotUndoTheRegistration() {
        Calls calls = new Calls().join(CUSTOMER, true);
        long aliceJoin = calls.nextSequence();
        calls.register(ALICE_LEG, Calls.alice())
                .apply(ConferenceCallback.join(CONFERENCE, ALICE_LEG, aliceJoin, "worker", false, false, false))
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).hasSize(1);
    }

    @Test
    void versionGrowsByOneOnEveryChange() {
        Calls calls = Calls.customerWithAlice();
        long before = calls.record().version();

        calls.event(ConferenceCallback.Kind.PARTICIPANT_MUTE, CUSTOMER);

        assertThat(calls.record().version()).isEqualTo(before + 1);
    }

    @Test
    void callbacksTwilioSendsButRecoveryDoesNotNeedChangeNothing() {
        Calls calls = Calls.customerWithAlice();
        ConferenceRecord before = calls.record();

        calls.apply(new ConferenceCallback(CONFERENCE, CUSTOMER, ConferenceCallback.Kind.fromTwilio(
                "participant-speech-start"), calls.nextSequence(), null, null, null, null, null, null, null, null));

        assertThat(calls.record()).isSameAs(before);
    }
}
