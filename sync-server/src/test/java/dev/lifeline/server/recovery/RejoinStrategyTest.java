package dev.lifeline.server.recovery;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.BOB;
import static dev.lifeline.server.recovery.Fixtures.CONFERENCE;
import static dev.lifeline.server.recovery.Fixtures.CUSTOMER;
import static dev.lifeline.server.recovery.Fixtures.INCIDENT;
import static dev.lifeline.server.recovery.Fixtures.TASK;
import static dev.lifeline.server.recovery.Fixtures.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.CreatePingTask;
import dev.lifeline.server.recovery.Effect.DialAgentIntoConference;
import dev.lifeline.server.recovery.Effect.MergeTaskAttributes;
import dev.lifeline.server.recovery.Effect.NotifyAgent;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.Effect.StopHoldMusic;
import dev.lifeline.server.recovery.RecoveryEvent.AgentBack;
import dev.lifeline.server.recovery.RecoveryEvent.AgentRejoined;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import dev.lifeline.server.recovery.RecoveryEvent.DeadlinePassed;
import dev.lifeline.server.recovery.RecoveryEvent.EffectCompleted;
import dev.lifeline.server.recovery.RecoveryEvent.EffectRefused;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code rejoin} strategy: no ping, no queue hop; the agent is dialled back into the conference the customer is in. */
class RejoinStrategyTest {

    private static final RecoveryPolicy REJOIN = Fixtures.POLICY.withStrategy(RecoveryStrategy.REJOIN);
    private static final AgentBack ALICE_BACK = new AgentBack(ALICE, "alice", "sip:alice@lifeline.sip.twilio.com", "+15550100");
    private static final String REJOINED_LEG = "CAalice2";

    private static Scenario twoParty() {
        return new Scenario(REJOIN).apply(Fixtures.twoPartyDrop());
    }

    @Test
    void aDropWaitsForTheAgentWithoutAPingTask() {
        Scenario s = twoParty();

        assertThat(s.phase()).isEqualTo(Phase.PINGING);
        assertThat(s.all(CreatePingTask.class)).isEmpty();
        assertThat(s.phasesToldTo(ALICE)).containsExactly(Phase.PINGING);
        assertThat(s.incident().pingDeadline()).isEqualTo(Fixtures.T0.plus(REJOIN.pingTtl()));
    }

    @Test
    void theAgentIsToldBeforeTheServerDialsThemIntoTheSameConference() {
        Scenario s = twoParty().apply(ALICE_BACK);

        assertThat(s.phase()).isEqualTo(Phase.REJOINING);
        List<Effect> effects = s.lastEffects();
        assertThat(effects).hasSize(2);
        assertThat(effects.get(0)).isInstanceOfSatisfying(NotifyAgent.class,
                told -> assertThat(told.incident().phase()).isEqualTo(Phase.REJOINING));
        assertThat(effects.get(1)).isInstanceOfSatisfying(DialAgentIntoConference.class, dial -> {
            assertThat(dial.conferenceSid()).as("the conference the customer never left").isEqualTo(CONFERENCE);
            assertThat(dial.to()).isEqualTo(ALICE_BACK.address());
            assertThat(dial.label()).isEqualTo("alice");
            assertThat(dial.from()).isEqualTo("+15550100");
        });
    }

    @Test
    void theAgentsLegJoiningTakesTheCustomerOffHoldAndRestoresWithoutTouchingTheOriginalTask() {
        Scenario s = twoParty().apply(ALICE_BACK).apply(new AgentRejoined(INCIDENT, REJOINED_LEG));

        assertThat(s.phase()).isEqualTo(Phase.RECONNECTED);
        assertThat(s.only(StopHoldMusic.class).callSid()).isEqualTo(CUSTOMER);
        s.executorCompletesEverything();

        assertThat(s.phase()).isEqualTo(Phase.RESTORED);
        assertThat(s.all(CompleteReservation.class)).as("the original reservation stays the agent's").isEmpty();
        assertThat(s.all(RedirectCustomerToEnqueue.class)).as("no queue hop").isEmpty();
        assertThat(s.phasesToldTo(ALICE)).containsExactly(Phase.PINGING, Phase.REJOINING, Phase.RECONNECTED, Phase.RESTORED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOriginalTaskRecordsTheInterruptionByAMerge() {
        Scenario s = twoParty().apply(ALICE_BACK).after(Duration.ofSeconds(4))
                .apply(new AgentRejoined(INCIDENT, REJOINED_LEG));

        MergeTaskAttributes tag = s.all(MergeTaskAttributes.class).stream()
                .filter(m -> m.patch().has(RecoveryAttributes.LIFELINE_REJOIN)).findFirst().orElseThrow();
        assertThat(tag.taskSid()).isEqualTo(TASK);
        Map<String, Object> rejoin = (Map<String, Object>) tag.patch().values().get(RecoveryAttributes.LIFELINE_REJOIN);
        assertThat(rejoin).containsEntry("incidentId", INCIDENT).containsEntry("strategy", "rejoin")
                .containsEntry("interruptedMillis", 4000L).containsKey("disconnectedTime");
        assertThat(tag.patch().has(RecoveryAttributes.LIFELINE_INCIDENT))
                .as("the marker of Lifeline's own ping and reconnect tasks stays off the customer's task").isFalse();
    }

    @Test
    void aPartyTheAgentHadPutOnHoldStaysOnHold() {
        RecoveryPolicy holdEveryone = new RecoveryPolicy(REJOIN.pingTtl(), REJOIN.pingGrace(), REJOIN.overallDeadline(),
                1000, 1000, 1000, REJOIN.announcementUrl(), REJOIN.holdMusicUrl(), REJOIN.pingWorkflowSid(), true)
                .withStrategy(RecoveryStrategy.REJOIN);
        Scenario s = new Scenario(holdEveryone)
                .apply(Fixtures.drop(List.of(Fixtures.customer(false), Fixtures.thirdParty(true, false))))
                .apply(ALICE_BACK).apply(new AgentRejoined(INCIDENT, REJOINED_LEG));

        assertThat(s.all(StopHoldMusic.class)).extracting(StopHoldMusic::callSid).containsExactly(CUSTOMER)
                .doesNotContain(THIRD_PARTY);
    }

    @Test
    void anAgentWhoNeverComesBackIsRequeuedAtTheTtlAndSetOffline() {
        Scenario s = twoParty().after(REJOIN.pingTtl()).apply(new DeadlinePassed(Fixtures.T0.plus(REJOIN.pingTtl())));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.only(RedirectCustomerToEnqueue.class).callSid()).isEqualTo(CUSTOMER);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).isTrue();
    }

    @Test
    void anAgentBeingDialledGetsTheGraceToJoinBeforeTheRequeue() {
        Scenario s = twoParty().after(Duration.ofSeconds(14)).apply(ALICE_BACK)
                .apply(new DeadlinePassed(Fixtures.T0.plus(REJOIN.pingTtl())));
        assertThat(s.phase()).isEqualTo(Phase.REJOINING);

        s.apply(new DeadlinePassed(Fixtures.T0.plus(REJOIN.pingTtl()).plus(REJOIN.pingGrace())));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).as("the desktop was back").isFalse();
    }

    @Test
    void aDialTwilioRefusesRequeuesTheCustomer() {
        Scenario s = twoParty().apply(ALICE_BACK);
        String dial = s.only(DialAgentIntoConference.class).effectId();

        s.apply(new EffectRefused(dial, "32009 no registration"));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    @Test
    void theCustomerHangingUpWhileTheAgentIsDialledEndsTheIncident() {
        Scenario s = twoParty().apply(ALICE_BACK).apply(new CustomerLeft(CUSTOMER));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.all(Effect.EndConference.class)).hasSize(1);
    }

    @Test
    void onlyTheDroppedAgentAndOnlyWithRejoinDialsAnybody() {
        assertThat(twoParty().apply(new AgentBack(BOB, "bob", "sip:bob@x", null)).phase()).isEqualTo(Phase.PINGING);
        Scenario requeue = Scenario.twoParty().pinging().apply(ALICE_BACK);
        assertThat(requeue.phase()).isEqualTo(Phase.PINGING);
        assertThat(requeue.all(DialAgentIntoConference.class)).isEmpty();
    }

    @Test
    void anAnnouncementNotPlayedYetWhenTheAgentIsBackIsWithdrawnNotPlayedOverTheCall() {
        Scenario s = twoParty().apply(ALICE_BACK).apply(new AgentRejoined(INCIDENT, REJOINED_LEG));

        assertThat(s.incident().outbox()).filteredOn(entry -> entry.effect() instanceof Effect.AnnounceToConference)
                .singleElement()
                .satisfies(announce -> {
                    assertThat(announce.isPending()).isFalse();
                    assertThat(announce.outcome()).isEqualTo(Rejoin.ANNOUNCEMENT_WITHDRAWN);
                });
    }

    @Test
    void aRepeatedAgentBackOrJoinChangesNothing() {
        Scenario s = twoParty().apply(ALICE_BACK);
        Incident rejoining = s.incident();
        assertThat(s.apply(ALICE_BACK).incident()).isSameAs(rejoining);

        s.apply(new AgentRejoined(INCIDENT, REJOINED_LEG));
        Incident reconnected = s.incident();
        assertThat(s.apply(new AgentRejoined(INCIDENT, REJOINED_LEG)).incident()).isSameAs(reconnected);
        s.apply(new EffectCompleted(s.only(DialAgentIntoConference.class).effectId(), REJOINED_LEG));
        assertThat(s.all(DialAgentIntoConference.class)).hasSize(1);
    }
}
