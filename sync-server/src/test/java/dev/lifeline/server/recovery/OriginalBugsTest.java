package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.CreatePingTask;
import dev.lifeline.server.recovery.Effect.MergeTaskAttributes;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.Effect.SetEndConferenceOnExit;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import dev.lifeline.server.recovery.RecoveryEvent.PingAccepted;
import dev.lifeline.server.recovery.RecoveryEvent.PingCanceled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.BOB;
import static dev.lifeline.server.recovery.Fixtures.CUSTOMER;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RECONNECT_TASK;
import static dev.lifeline.server.recovery.Fixtures.TASK;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per server-side bug of the original (seed §8 and §10), named after the bug. */
class OriginalBugsTest {

    /** §8.2: a redelivered reservation.accepted enqueued the customer a second time. */
    @Test
    void duplicatePingAcceptedRedirectsCustomerOnlyOnce() {
        Scenario s = Scenario.twoParty().pingAccepted().apply(new PingAccepted(PING_TASK));

        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    /** §8.2: the same for a redelivered task.canceled. */
    @Test
    void duplicatePingCanceledRequeuesCustomerOnlyOnce() {
        PingCanceled ttl = new PingCanceled(PING_TASK, "Task TTL Exceeded");
        Scenario s = Scenario.twoParty().pinging().apply(ttl).apply(ttl);

        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    /** §8.2: any cancel counted as a failed ping, even one arriving after the ping was accepted. */
    @Test
    void pingCancelArrivingAfterItsAcceptanceDoesNotEnqueueTheCustomerAgain() {
        Scenario s = Scenario.twoParty().pingAccepted().apply(new PingCanceled(PING_TASK, "Task TTL Exceeded"));

        assertThat(s.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    /** §8.3: the ping-success handler overwrote the task with the ping's attributes, wiping followed_by. */
    @Test
    void pingSuccessDoesNotWipeFollowedByAttribute() {
        Scenario s = Scenario.twoParty().pingAccepted();
        TaskAttributes taskNow = Fixtures.voiceTaskAttributes();
        for (MergeTaskAttributes merge : s.all(MergeTaskAttributes.class)) {
            assertThat(merge.taskSid()).isEqualTo(TASK);
            taskNow = taskNow.mergedWith(merge.patch());
        }

        assertThat(taskNow.object("conversations").string("followed_by")).contains("Reconnect Agent");
        assertThat(taskNow.values()).containsEntry("wasPingSuccessful", true);
    }

    /** §8.3: the accept-time snapshot was written back, clobbering what Flex/Insights wrote since. */
    @Test
    void taggingTheInterruptedTaskKeepsAttributesWrittenSinceTheAgentAccepted() {
        Scenario s = Scenario.twoParty();
        TaskAttributes writtenSince = Fixtures.voiceTaskAttributes()
                .with("conference", Map.of("sid", "CF1", "participants", Map.of("worker", "CAalice")))
                .with("conversations", Map.of("conversation_attribute_1", "vip", "segment_link", "x"));

        TaskAttributes tagged = writtenSince.mergedWith(s.only(MergeTaskAttributes.class).patch());

        assertThat(tagged.object("conference").string("sid")).contains("CF1");
        assertThat(tagged.object("conversations").string("segment_link")).contains("x");
        assertThat(tagged.object("conversations").string("followed_by")).contains("Reconnect Agent");
        assertThat(tagged.string("disconnectedTime")).contains(Fixtures.T0.toString());
    }

    /**
     * §8.4: task SID first-writer-wins next to the latest reservation paired agent A's task with agent B's
     * reservation after a transfer, so the wrapping reservation was never completed.
     */
    @Test
    void transferredCallCompletesTheDroppedWorkersOwnReservation() {
        DroppedWorker bob = new DroppedWorker(BOB, "Bob", "CAbob", "WT7", "WR7", "WWsupport",
                Fixtures.voiceTaskAttributes());
        Scenario s = Scenario.start()
                .apply(new RecoveryEvent.DropDetected("CF1:CAbob", null, 1, null, "CF1", bob, CUSTOMER,
                        List.of(Fixtures.customer(false))))
                .pinging().apply(new PingCanceled(PING_TASK, "Task TTL Exceeded"));

        CompleteReservation complete = s.only(CompleteReservation.class);
        assertThat(complete.taskSid()).isEqualTo("WT7");
        assertThat(complete.reservationSid()).isEqualTo("WR7");
        assertThat(s.only(RedirectCustomerToEnqueue.class).workflowSid()).isEqualTo("WWsupport");
    }

    /** §8.5a and §8.6: a hang-up during recovery left the reservation wrapping and the modal up forever. */
    @Test
    void customerHangupDuringRecoveryFreesTheAgent() {
        Scenario s = Scenario.twoParty().pingAccepted().apply(new CustomerLeft(CUSTOMER));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.only(CompleteReservation.class).reservationSid()).isEqualTo(Fixtures.RESERVATION);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.CUSTOMER_LEFT);
    }

    /** §8.5b: with wasPingSuccessful set, the original agent's modal stayed up when someone else took the call. */
    @Test
    void reconnectRoutedToAnotherAgentClosesTheOriginalAgentsModal() {
        Scenario s = Scenario.twoParty().reconnectQueued()
                .after(Duration.ofSeconds(45))
                .apply(new RecoveryEvent.ReconnectAssignedElsewhere(RECONNECT_TASK, BOB));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.REQUEUED);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    /** §8.5b, when only Bob's acceptance reaches us: both agents are told. */
    @Test
    void reconnectAcceptedByAnotherAgentTellsBothAgents() {
        Scenario s = Scenario.twoParty().reconnectQueued().apply(Fixtures.reconnectAcceptedBy(BOB));

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.RESTORED);
        assertThat(s.phasesToldTo(BOB)).containsExactly(Phase.RESTORED);
    }

    /** §8.6: an enqueue that failed because the customer's call had ended left the agent blocked. */
    @Test
    void enqueueFailureBecauseTheCustomerIsGoneStillFreesTheAgent() {
        Scenario s = Scenario.twoParty().pingAccepted();

        s.apply(new RecoveryEvent.EffectFailedPermanently(s.only(RedirectCustomerToEnqueue.class).effectId(),
                "call not in-progress"));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.CUSTOMER_LEFT);
    }

    /** §8.7: ping recognised by workflow SID here, workflow friendly name there; now one explicit marker. */
    @Test
    void pingAndReconnectTasksCarryTheIncidentMarker() {
        Scenario s = Scenario.twoParty().pingAccepted();

        assertThat(s.only(CreatePingTask.class).attributes().string(RecoveryAttributes.LIFELINE_INCIDENT))
                .contains(Fixtures.INCIDENT);
        assertThat(s.only(RedirectCustomerToEnqueue.class).attributes().string(RecoveryAttributes.LIFELINE_INCIDENT))
                .contains(Fixtures.INCIDENT);
    }

    /** §8.8: moving re-dialled parties with Twilio defaults, losing hold and mute. */
    @Test
    void heldAndMutedThirdPartyIsMovedStillHeldAndMuted() {
        Scenario s = Scenario.start()
                .apply(Fixtures.drop(List.of(Fixtures.customer(false), Fixtures.thirdParty(true, true))))
                .reconnected();

        Effect.MoveParty move = s.only(Effect.MoveParty.class);
        assertThat(move.hold()).isTrue();
        assertThat(move.muted()).isTrue();
        assertThat(move.label()).isEqualTo("external");
    }

    /** §10 "remaining parties on hold": a customer the agent had put on hold is still brought back. */
    @Test
    void customerOnHoldWhenTheAgentDroppedIsStillReconnected() {
        Scenario s = Scenario.start().apply(Fixtures.drop(List.of(Fixtures.customer(true)))).reconnected();

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.all(Effect.StartHoldMusic.class)).as("already hears hold music").isEmpty();
        assertThat(s.only(RedirectCustomerToEnqueue.class).callSid()).isEqualTo(CUSTOMER);
    }

    /** §4 3-party variant, §12: the customer's redirect must not end the conference under the third party. */
    @Test
    void customerRedirectDoesNotEndTheConferenceUnderTheThirdParty() {
        Scenario s = Scenario.threeParty().pingAccepted();

        List<Effect> effects = s.lastEffects();
        SetEndConferenceOnExit keep = s.only(SetEndConferenceOnExit.class);
        assertThat(keep.callSid()).isEqualTo(CUSTOMER);
        assertThat(keep.value()).isFalse();
        assertThat(effects.indexOf(keep)).isLessThan(effects.indexOf(s.only(RedirectCustomerToEnqueue.class)));
    }

    /** §8.8: completing the ping and moving parties were fire-and-forget; here they stay owed until reported. */
    @Test
    void effectsStayOwedUntilTheExecutorReportsThem() {
        Scenario s = Scenario.threeParty().reconnected();
        assertThat(s.incident().pendingEffects()).hasSameElementsAs(s.allEffects());

        s.executorCompletesEverything();

        assertThat(s.incident().pendingEffects()).isEmpty();
        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
    }

    /** §8.14: the ping copied the Insights conversations object and could show up as its own segment. */
    @Test
    void pingDoesNotCarryInsightsConversations() {
        Scenario s = Scenario.twoParty();

        assertThat(s.only(CreatePingTask.class).attributes().has("conversations")).isFalse();
    }

    /** §8.17 and §10 "dialog timeout": TTL, priorities, URLs and the deadline are configuration. */
    @Test
    void timingsPrioritiesAndUrlsComeFromThePolicy() {
        RecoveryPolicy policy = new RecoveryPolicy(Duration.ofSeconds(40), Duration.ofSeconds(5),
                Duration.ofSeconds(300), 50, 60, 70, "https://a/prompt.wav", "https://a/music.wav", "WWother", false);
        Scenario s = new Scenario(policy).apply(Fixtures.twoPartyDrop())
                .apply(new RecoveryEvent.PingTaskCreated(PING_TASK))
                .apply(new PingCanceled(PING_TASK, "Task TTL Exceeded"));

        CreatePingTask ping = s.only(CreatePingTask.class);
        assertThat(ping.ttlSeconds()).isEqualTo(40);
        assertThat(ping.priority()).isEqualTo(50);
        assertThat(ping.workflowSid()).isEqualTo("WWother");
        assertThat(s.only(Effect.AnnounceToConference.class).url()).isEqualTo("https://a/prompt.wav");
        assertThat(s.only(Effect.StartHoldMusic.class).holdUrl()).isEqualTo("https://a/music.wav");
        assertThat(s.only(RedirectCustomerToEnqueue.class).priority()).isEqualTo(70);
        assertThat(s.incident().deadline()).isEqualTo(Fixtures.T0.plusSeconds(300));
    }

    /** §10 "UI-blocking timeout": a recovery that stalls anywhere ends, and the agent is released. */
    @Test
    void stalledRecoveryExpiresAndReleasesTheAgent() {
        Scenario s = Scenario.twoParty().pingAccepted()
                .apply(new RecoveryEvent.DeadlinePassed(Fixtures.T0.plusSeconds(500)));

        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.EXPIRED);
    }
}
