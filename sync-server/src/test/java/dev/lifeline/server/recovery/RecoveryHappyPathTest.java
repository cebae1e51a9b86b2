package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.AnnounceToConference;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.CompleteTask;
import dev.lifeline.server.recovery.Effect.CreatePingTask;
import dev.lifeline.server.recovery.Effect.MoveParty;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.Effect.StartHoldMusic;
import dev.lifeline.server.recovery.RecoveryEvent.PartiesMoved;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.CONFERENCE;
import static dev.lifeline.server.recovery.Fixtures.CUSTOMER;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RESERVATION;
import static dev.lifeline.server.recovery.Fixtures.TASK;
import static dev.lifeline.server.recovery.Fixtures.THIRD_PARTY;
import static dev.lifeline.server.recovery.Fixtures.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

class RecoveryHappyPathTest {

    @Test
    void dropOpensAnIncidentThatAnnouncesHoldsTheCustomerAndPingsTheAgent() {
        Scenario s = Scenario.twoParty();

        assertThat(s.phase()).isEqualTo(Phase.DETECTED);
        assertThat(s.incident().version()).isEqualTo(1);
        assertThat(s.only(AnnounceToConference.class).url()).isEqualTo(Fixtures.POLICY.announcementUrl());
        assertThat(s.only(StartHoldMusic.class).callSid()).isEqualTo(CUSTOMER);
        CreatePingTask ping = s.only(CreatePingTask.class);
        assertThat(ping.workflowSid()).isEqualTo("WWping");
        assertThat(ping.ttlSeconds()).isEqualTo(15);
        assertThat(ping.priority()).isEqualTo(1000);
        assertThat(ping.attributes().string("disconnectedWorkerSid")).contains(ALICE);
        assertThat(ping.attributes().string("disconnectedTaskSid")).contains(TASK);
        assertThat(ping.attributes().string("disconnectedReservationSid")).contains(RESERVATION);
        assertThat(ping.attributes().string("disconnectedTaskWorkflowSid")).contains(WORKFLOW);
        assertThat(ping.attributes().string("disconnectedConferenceSid")).contains(CONFERENCE);
        assertThat(ping.attributes().string("disconnectedCallSid")).contains(Fixtures.ALICE_LEG);
        assertThat(ping.attributes().string("disconnectedTime")).contains(Fixtures.T0.toString());
        assertThat(ping.attributes().string(RecoveryAttributes.LIFELINE_INCIDENT)).contains(Fixtures.INCIDENT);
    }

    @Test
    void announcementComesBeforeTheHoldMusicAndThePing() {
        Scenario s = Scenario.twoParty();

        assertThat(s.allEffects().get(0)).isInstanceOf(AnnounceToConference.class);
        assertThat(s.allEffects().get(1)).isInstanceOf(StartHoldMusic.class);
    }

    @Test
    void thirdPartyAndCustomerKeepTalkingInsteadOfHearingHoldMusic() {
        Scenario s = Scenario.threeParty();

        assertThat(s.all(StartHoldMusic.class)).isEmpty();
        assertThat(s.all(AnnounceToConference.class)).hasSize(1);
    }

    @Test
    void thirdPartyLeftAloneByTheCustomersRedirectHearsHoldMusicUntilMoved() {
        Scenario s = Scenario.threeParty().pingAccepted();

        assertThat(s.only(StartHoldMusic.class).callSid()).isEqualTo(THIRD_PARTY);
        assertThat(s.only(StartHoldMusic.class).holdUrl()).isEqualTo(Fixtures.POLICY.holdMusicUrl());
    }

    @Test
    void createdPingTaskStartsPingingWithTheTtlCountedFromItsCreation() {
        Scenario s = Scenario.twoParty().after(Duration.ofSeconds(2)).pinging();

        assertThat(s.phase()).isEqualTo(Phase.PINGING);
        assertThat(s.incident().pingTaskSid()).isEqualTo(PING_TASK);
        assertThat(s.incident().pingDeadline()).isEqualTo(Fixtures.T0.plusSeconds(17));
    }

    @Test
    void pingTaskSidReportedByTheExecutorAlsoStartsPinging() {
        Scenario s = Scenario.twoParty();
        String createPing = s.only(CreatePingTask.class).effectId();

        s.apply(new RecoveryEvent.EffectCompleted(createPing, PING_TASK));

        assertThat(s.phase()).isEqualTo(Phase.PINGING);
        assertThat(s.incident().pingTaskSid()).isEqualTo(PING_TASK);
        assertThat(s.incident().outboxEntry(createPing).orElseThrow().state()).isEqualTo(OutboxEntry.State.DONE);
    }

    @Test
    void acceptedPingRedirectsTheCustomerToTheSameAgentAtTopPriority() {
        Scenario s = Scenario.twoParty().pingAccepted();

        assertThat(s.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(s.only(CompleteTask.class).taskSid()).isEqualTo(PING_TASK);
        RedirectCustomerToEnqueue redirect = s.only(RedirectCustomerToEnqueue.class);
        assertThat(redirect.callSid()).isEqualTo(CUSTOMER);
        assertThat(redirect.workflowSid()).isEqualTo(WORKFLOW);
        assertThat(redirect.priority()).isEqualTo(1000);
        assertThat(redirect.attributes().string(RecoveryAttributes.TARGET_WORKER_SID)).contains(ALICE);
        assertThat(redirect.attributes().values()).containsEntry(RecoveryAttributes.IS_RECONNECT, true);
        assertThat(redirect.attributes().object("conversations").string("conversation_id")).contains(TASK);
    }

    @Test
    void droppedAgentsReservationIsKeptWrappingUntilTheReconnectIsQueued() {
        Scenario s = Scenario.twoParty().pingAccepted();

        assertThat(s.all(CompleteReservation.class)).isEmpty();

        s.apply(new RecoveryEvent.ReconnectEnteredQueue(Fixtures.RECONNECT_TASK));

        CompleteReservation complete = s.only(CompleteReservation.class);
        assertThat(complete.taskSid()).isEqualTo(TASK);
        assertThat(complete.reservationSid()).isEqualTo(RESERVATION);
        assertThat(s.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(s.incident().reconnectTaskSid()).isEqualTo(Fixtures.RECONNECT_TASK);
    }

    @Test
    void twoPartyReconnectIsRestoredAsSoonAsTheAgentAccepts() {
        Scenario s = Scenario.twoParty().reconnected();

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.all(MoveParty.class)).isEmpty();
        assertThat(s.incident().timestamps()).containsKeys(Phase.RECONNECTED, Phase.RESTORED);
        assertThat(s.incident().newConferenceSid()).isEqualTo("CF2");
    }

    @Test
    void acceptedReconnectMovesTheThirdPartyKeepingItsLabelHoldMuteAndFlag() {
        Scenario s = Scenario.start()
                .apply(Fixtures.drop(java.util.List.of(Fixtures.customer(false), Fixtures.thirdParty(true, true))))
                .reconnected();

        assertThat(s.phase()).isEqualTo(Phase.RECONNECTED);
        MoveParty move = s.only(MoveParty.class);
        assertThat(move.callSid()).isEqualTo(THIRD_PARTY);
        assertThat(move.fromConferenceSid()).isEqualTo(CONFERENCE);
        assertThat(move.toConferenceName()).isEqualTo(Fixtures.RECONNECT_TASK);
        assertThat(move.label()).isEqualTo("external");
        assertThat(move.hold()).isTrue();
        assertThat(move.muted()).isTrue();
        assertThat(move.endConferenceOnExit()).isFalse();
    }

    @Test
    void movedPartiesCompleteTheRecovery() {
        Scenario s = Scenario.threeParty().reconnected().apply(new PartiesMoved());

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
    }

    @Test
    void lastMoveReportedDoneRestoresWithoutAPartiesMovedEvent() {
        Scenario s = Scenario.threeParty().reconnected();

        s.apply(new RecoveryEvent.EffectCompleted(s.only(MoveParty.class).effectId(), "moved"));

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
    }

    @Test
    void agentIsToldAboutEveryPhaseInOrder() {
        Scenario s = Scenario.threeParty().reconnected().apply(new PartiesMoved());

        assertThat(s.phasesToldTo(ALICE)).containsExactly(Phase.DETECTED, Phase.PINGING, Phase.RECONNECT_ENQUEUED,
                Phase.RECONNECTED, Phase.RESTORED);
    }

    @Test
    void everyPhaseIsTimestampedForTimeToReconnect() {
        Scenario s = Scenario.twoParty().after(Duration.ofSeconds(1)).pinging()
                .after(Duration.ofSeconds(6)).apply(new RecoveryEvent.PingAccepted(PING_TASK))
                .after(Duration.ofSeconds(9)).apply(Fixtures.reconnectAcceptedBy(ALICE));

        assertThat(s.incident().timestamps())
                .containsEntry(Phase.DETECTED, Fixtures.T0)
                .containsEntry(Phase.PINGING, Fixtures.T0.plusSeconds(1))
                .containsEntry(Phase.RECONNECT_ENQUEUED, Fixtures.T0.plusSeconds(6))
                .containsEntry(Phase.RESTORED, Fixtures.T0.plusSeconds(9));
    }

    @Test
    void notificationCarriesTheIncidentAsStored() {
        Scenario s = Scenario.twoParty().pinging();

        Effect.NotifyAgent notify = s.last(Effect.NotifyAgent.class).get(0);
        assertThat(notify.incident().version()).isEqualTo(s.incident().version());
        assertThat(notify.incident().deadline()).isEqualTo(Fixtures.T0.plus(Duration.ofSeconds(120)));
        assertThat(notify.incident().droppedWorkerName()).isEqualTo("Alice");
    }
}
