package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.RecoveryEvent.PingAccepted;
import dev.lifeline.server.recovery.RecoveryEvent.ReconnectEnteredQueue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RECONNECT_TASK;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyAndOrderTest {

    private static final List<RecoveryEvent> HAPPY_PATH = List.of(
            Fixtures.threePartyDrop(),
            new RecoveryEvent.PingTaskCreated(PING_TASK),
            new PingAccepted(PING_TASK),
            new RecoveryEvent.ReconnectTaskCreated(RECONNECT_TASK),
            new ReconnectEnteredQueue(RECONNECT_TASK),
            Fixtures.reconnectAcceptedBy(ALICE),
            new RecoveryEvent.PartiesMoved());

    @Test
    void everyEventAppliedTwiceIsTheSameAsOnce() {
        Scenario once = Scenario.start();
        Scenario twice = Scenario.start();

        for (RecoveryEvent event : HAPPY_PATH) {
            once.apply(event);
            twice.apply(event);
            Incident afterFirst = twice.incident();
            twice.apply(event);
            assertThat(twice.incident()).as("second %s", event).isSameAs(afterFirst);
            assertThat(twice.lastEffects()).as("second %s", event).isEmpty();
        }

        assertThat(twice.incident()).isEqualTo(once.incident());
        assertThat(twice.allEffects()).isEqualTo(once.allEffects());
    }

    @Test
    void replayingTheWholeHistoryFromScratchYieldsTheSameEffectIds() {
        Scenario first = Scenario.start();
        Scenario replay = Scenario.start();
        HAPPY_PATH.forEach(first::apply);
        HAPPY_PATH.forEach(replay::apply);

        assertThat(replay.allEffects()).extracting(Effect::effectId)
                .containsExactlyElementsOf(first.allEffects().stream().map(Effect::effectId).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void reconnectAcceptedBeforeTaskQueueEnteredFreesTheAgentExactlyOnce() {
        Scenario s = Scenario.twoParty().pingAccepted()
                .apply(Fixtures.reconnectAcceptedBy(ALICE))
                .apply(new ReconnectEnteredQueue(RECONNECT_TASK));

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    @Test
    void taskQueueEnteredBeforeReservationAcceptedFreesTheAgentExactlyOnce() {
        Scenario s = Scenario.twoParty().pingAccepted()
                .apply(new ReconnectEnteredQueue(RECONNECT_TASK))
                .apply(Fixtures.reconnectAcceptedBy(ALICE));

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    @Test
    void pingAcceptedBeforeThePingTaskWasRecordedIsHonoured() {
        Scenario s = Scenario.twoParty().apply(new PingAccepted(PING_TASK)).pinging();

        assertThat(s.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(s.incident().pingTaskSid()).isEqualTo(PING_TASK);
        assertThat(s.all(Effect.RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    @Test
    void eventsForAnIncidentThatDoesNotExistAreIgnored() {
        Transition transition = RecoveryStateMachine.apply(null, new PingAccepted(PING_TASK), Fixtures.T0,
                Fixtures.POLICY);

        assertThat(transition.next()).isNull();
        assertThat(transition.newEffects()).isEmpty();
    }

    @Test
    void secondDetectionOfTheSameDropChangesNothing() {
        Scenario s = Scenario.twoParty().pinging();
        Incident pinging = s.incident();

        s.apply(Fixtures.twoPartyDrop());

        assertThat(s.incident()).isSameAs(pinging);
        assertThat(s.lastEffects()).isEmpty();
    }

    @Test
    void effectCompletedTwiceIsRecordedOnce() {
        Scenario s = Scenario.twoParty();
        String announce = s.only(Effect.AnnounceToConference.class).effectId();
        s.apply(new RecoveryEvent.EffectCompleted(announce, "ok"));
        Incident afterFirst = s.incident();

        s.apply(new RecoveryEvent.EffectCompleted(announce, "ok"));

        assertThat(s.incident()).isSameAs(afterFirst);
        assertThat(afterFirst.pendingEffects()).extracting(Effect::effectId).doesNotContain(announce);
    }

    @Test
    void versionGrowsByExactlyOneOnEveryChange() {
        Scenario s = Scenario.start();
        long version = 0;
        for (RecoveryEvent event : HAPPY_PATH) {
            s.apply(event);
            assertThat(s.incident().version()).isEqualTo(++version);
        }
    }
}
