package dev.lifeline.server.recovery;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.AnnounceToConference;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.Effect.RescueCustomer;
import dev.lifeline.server.recovery.RecoveryEvent.EffectCompleted;
import dev.lifeline.server.recovery.RecoveryEvent.EffectFailedPermanently;
import dev.lifeline.server.recovery.RecoveryEvent.EffectRefused;
import dev.lifeline.server.recovery.RecoveryEvent.PingCanceled;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 3: when Twilio refuses for good the redirect that was to put the customer in a queue, the incident
 * does not claim REQUEUED (or any exit): it is STRANDED, the agent is released, and a safety net queues the customer
 * on the voice workflow, telling them to stay on the line and retrying with backoff until they are queued, hang up, or
 * a supervisor takes over.
 */
class StrandedCustomerTest {

    private static final RecoveryPolicy POLICY = Fixtures.POLICY.withSafetyNet("WWsafety", "https://lifeline.test/stay");

    private static Scenario requeueRefused() {
        Scenario s = new Scenario(POLICY).apply(Fixtures.twoPartyDrop()).pinging()
                .apply(new PingCanceled(PING_TASK, "Task TTL Exceeded"));
        return s.apply(new EffectRefused(s.only(RedirectCustomerToEnqueue.class).effectId(), "redirect failed (404)"));
    }

    private static RescueCustomer lastRescue(Scenario s) {
        List<RescueCustomer> rescues = s.all(RescueCustomer.class);
        return rescues.get(rescues.size() - 1);
    }

    @Test
    void aRefusedRequeueStrandsTheCustomerInsteadOfClaimingRequeued() {
        Scenario s = requeueRefused();

        assertThat(s.phase()).isEqualTo(Phase.STRANDED);
        assertThat(s.incident().strandedFrom()).isEqualTo(Phase.REQUEUED);
        assertThat(s.all(CompleteReservation.class)).as("the agent is released").hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.STRANDED);
        RescueCustomer rescue = s.only(RescueCustomer.class);
        assertThat(rescue.workflowSid()).isEqualTo("WWsafety");
        assertThat(rescue.callSid()).isEqualTo(Fixtures.CUSTOMER);
        assertThat(rescue.attempt()).isEqualTo(1);
        assertThat(rescue.notBefore()).as("at once").isEqualTo(Fixtures.T0);
    }

    @Test
    void aRefusedReconnectRedirectStrandsTheCustomerAndReleasesTheWaitingAgent() {
        Scenario s = new Scenario(POLICY).apply(Fixtures.twoPartyDrop()).pingAccepted();

        s.apply(new EffectRefused(s.only(RedirectCustomerToEnqueue.class).effectId(), "redirect failed (400)"));

        assertThat(s.phase()).isEqualTo(Phase.STRANDED);
        assertThat(s.incident().strandedFrom()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.all(RescueCustomer.class)).hasSize(1);
    }

    @Test
    void aRedirectFailingBecauseTheCallEndedIsStillACustomerWhoLeft() {
        Scenario s = new Scenario(POLICY).apply(Fixtures.twoPartyDrop()).pingAccepted();

        s.apply(new EffectFailedPermanently(s.only(RedirectCustomerToEnqueue.class).effectId(), "customer call is completed"));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.all(RescueCustomer.class)).isEmpty();
    }

    @Test
    void theSafetyNetQueueingTheCustomerEndsTheIncidentRequeuedStampedWhenItReallyHappened() {
        Scenario s = requeueRefused().after(Duration.ofSeconds(3));

        s.apply(new EffectCompleted(s.only(RescueCustomer.class).effectId(), "enqueued"));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.incident().timestamps().get(Phase.REQUEUED)).isEqualTo(Fixtures.T0.plusSeconds(3));
    }

    @Test
    void aRefusedRescueTellsTheCustomerToStayOnTheLineOnceAndRetriesWithGrowingBackoff() {
        Scenario s = requeueRefused();

        s.apply(new EffectRefused(lastRescue(s).effectId(), "refused"));
        s.apply(new EffectRefused(lastRescue(s).effectId(), "refused"));
        s.apply(new EffectRefused(lastRescue(s).effectId(), "refused"));

        assertThat(s.phase()).isEqualTo(Phase.STRANDED);
        assertThat(s.all(AnnounceToConference.class)).filteredOn(a -> a.url().equals("https://lifeline.test/stay")).hasSize(1);
        assertThat(s.all(RescueCustomer.class)).extracting(RescueCustomer::attempt).containsExactly(1, 2, 3, 4);
        assertThat(s.all(RescueCustomer.class)).extracting(r -> Duration.between(Fixtures.T0, r.notBefore()))
                .containsExactly(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(POLICY.rescueBackoff(20)).isEqualTo(RecoveryPolicy.MAX_RESCUE_BACKOFF);
    }

    @Test
    void theCustomerHangingUpWhileStrandedEndsTheIncidentAndWithdrawsTheNextAttempt() {
        Scenario s = requeueRefused();
        s.apply(new EffectRefused(lastRescue(s).effectId(), "refused"));

        s.apply(new RecoveryEvent.CustomerLeft(Fixtures.CUSTOMER));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.incident().pendingEffects()).noneMatch(effect -> effect instanceof RescueCustomer);
    }

    @Test
    void aSupervisorTakingOverAStrandedCustomerStopsTheSafetyNet() {
        Scenario s = requeueRefused();

        s.apply(new RecoveryEvent.CancelledBySupervisor("sam"));

        assertThat(s.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(s.incident().pendingEffects()).noneMatch(effect -> effect instanceof RescueCustomer);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).as("no second requeue of a customer Twilio refuses").hasSize(1);
    }

    @Test
    void theWatchdogLeavesAStrandedCustomerToTheSafetyNet() {
        Scenario s = requeueRefused();
        Incident stranded = s.incident();

        s.apply(new RecoveryEvent.DeadlinePassed(Fixtures.T0.plusSeconds(600)));

        assertThat(s.incident()).isSameAs(stranded);
    }

    @Test
    void aStaleRefusalOfAnEarlierRedirectDoesNotStrandACustomerBeingQueuedByALaterOne() {
        Scenario s = new Scenario(POLICY).apply(Fixtures.twoPartyDrop()).pingAccepted();
        String reconnectRedirect = s.only(RedirectCustomerToEnqueue.class).effectId();
        s.after(Duration.ofSeconds(121)).apply(new RecoveryEvent.DeadlinePassed(Fixtures.T0.plusSeconds(121)));
        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);

        s.apply(new EffectRefused(reconnectRedirect, "refused late"));

        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);
        assertThat(s.all(RescueCustomer.class)).isEmpty();
    }
}
