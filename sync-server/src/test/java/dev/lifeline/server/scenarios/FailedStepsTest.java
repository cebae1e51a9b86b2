package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.desktop.WireViews;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.webhooks.WebhookRoutes;
import dev.lifeline.sim.faults.ApiFault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 3, end to end against twilio-sim: each kind of recovery effect is failed for good — the emulator
 * answers that one REST call 404 or 400, as Twilio does for a call or task the account does not know or a refused
 * parameter — and the test asserts where the customer ends up and what the supervisor panel is sent. A refused step
 * never leaves the customer alone on hold music with no task while the incident claims REQUEUED. (NotifyAgent makes
 * no Twilio call, so there is nothing of it to fail here.)
 */
class FailedStepsTest {

    private static final String ANY_CONFERENCE = "/Conferences/CF[0-9a-f]{32}\\.json$";
    private static final String ANY_TASK = "/Tasks/WT[0-9a-f]{32}$";
    private static final String EXTERNAL = "+15557770000";

    private RecoveryHarness harness;
    private AgentDirectory agents;
    private TestSoftphone phone;
    private String customer;

    @BeforeEach
    void customerTalkingToAlice() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        agents = new AgentDirectory(UserDirectory.demo(new PasswordHasher(1000)), harness.workspace.workers());
        phone = harness.softphone("alice");
        customer = harness.customerTalkingTo("alice", phone);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    // Effects refused while the recovery goes on: the customer is still queued, the supervisor is told what failed //

    @Test
    void aRefusedAnnouncementStillRequeuesTheCustomerAndTheSupervisorIsToldItWasNotPlayed() {
        failForGood(ApiFault.always("POST", ANY_CONFERENCE, 404, 20404).withForm("AnnounceUrl", "connection-interrupted"));

        Incident pinging = dropAlice();
        assertThat(supervisorSees(pinging).alert()).isEqualTo("Not done: the announcement could not be played.");
        Incident requeued = pingTimesOut();

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued)).endsWith("Not done: the announcement could not be played.");
    }

    @Test
    void refusedHoldMusicStillRequeuesTheCustomer() {
        failForGood(ApiFault.always("POST", "/Participants/" + customer + "\\.json$", 404, 20404).withForm("Hold", "true"));

        dropAlice();
        Incident requeued = pingTimesOut();

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued)).endsWith("Not done: hold music could not be started.");
    }

    @Test
    void aRefusedPingRequeuesTheCustomerAtOnce() {
        failForGood(ApiFault.always("POST", "/Tasks$", 400, 20001).withForm("WorkflowSid", harness.workspace.pingWorkflowSid()));

        phone.drop();
        Incident requeued = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED);

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued)).endsWith("Not done: the agent's desktop could not be pinged.");
    }

    @Test
    void refusedTaskMarksStillRequeueTheCustomer() {
        failForGood(ApiFault.always("POST", ANY_TASK, 400, 20001).withForm("Attributes", "disconnected"));

        dropAlice();
        Incident requeued = pingTimesOut();

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued)).endsWith("Not done: the interrupted task could not be marked.");
    }

    @Test
    void aRefusedReleaseOfTheAgentStillRequeuesTheCustomerAndTellsTheSupervisor() {
        failForGood(ApiFault.always("POST", "/Reservations/WR[0-9a-f]{32}$", 400, 20001).withForm("ReservationStatus", "completed"));

        dropAlice();
        Incident requeued = pingTimesOut();

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued))
                .endsWith("Not done: the agent's interrupted task could not be finished (the agent may have to complete it).");
    }

    @Test
    void aRefusedCompletionOfTheAnsweredPingStillReconnectsTheCustomer() throws Exception {
        Incident pinging = dropAlice();
        failForGood(ApiFault.always("POST", "/Tasks/" + pinging.pingTaskSid() + "$", 400, 20001)
                .withForm("AssignmentStatus", "completed"));

        harness.agentComesBack("alice", pinging, customer);

        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        assertThat(harness.world.conferenceOf(customer)).as("the customer is with alice again").isPresent()
                .isNotEqualTo(Optional.of(pinging.conferenceSid()));
        assertThat(finishedOutcome(settled(restored)))
                .isEqualTo("Reconnected to Alice Agent. Not done: the answered recovery ping could not be closed.");
    }

    @Test
    void aRefusedWithdrawalOfThePingIsToldWhenTheCustomerHangsUp() {
        Incident pinging = dropAlice();
        failForGood(ApiFault.always("POST", "/Tasks/" + pinging.pingTaskSid() + "$", 404, 20404)
                .withForm("AssignmentStatus", "canceled"));

        harness.sim.voice().hangUp(customer);

        Incident left = settled(harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CUSTOMER_LEFT));
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("completed");
        assertThat(finishedOutcome(left)).endsWith("Not done: a recovery task could not be withdrawn.");
    }

    @Test
    void aRefusedMoveOfAThirdPartyStillReconnectsTheCustomerAndSaysThePartyWasNotBroughtBack() throws Exception {
        String external = thirdPartyJoins();
        Incident pinging = dropAlice();
        failForGood(ApiFault.always("POST", "/Calls/" + external + "\\.json$", 400, 20001).withForm("Twiml", "<Conference"));

        harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        harness.agents.acceptVoice("alice", harness.agents.awaitPendingReservation("alice", t -> t.attributesJson().contains("\"isReconnect\":true")));

        Incident restored = settled(harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED));
        assertThat(harness.world.conferenceOf(customer)).isPresent().isNotEqualTo(Optional.of(pinging.conferenceSid()));
        assertThat(harness.world.conferenceOf(external)).as("the third party stayed behind").contains(pinging.conferenceSid());
        assertThat(finishedOutcome(restored))
                .isEqualTo("Reconnected to Alice Agent. Not done: a party on the call could not be brought back.");
    }

    @Test
    void aRefusedEndOfTheAbandonedConferenceIsToldWhenTheCustomerHangsUp() {
        String external = thirdPartyJoins();
        failForGood(ApiFault.always("POST", ANY_CONFERENCE, 400, 20001).withForm("Status", "completed"));
        Incident pinging = dropAlice();

        harness.sim.voice().hangUp(customer);

        Incident left = settled(harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CUSTOMER_LEFT));
        assertThat(harness.world.conferenceOf(external)).as("the third party is left in the old conference").contains(pinging.conferenceSid());
        assertThat(finishedOutcome(left)).endsWith("Not done: the abandoned conference could not be ended.");
    }

    @Test
    void aRefusedFlagChangeStillRequeuesTheCustomerAndWarnsTheThirdPartyMayBeCutOff() {
        thirdPartyJoins();
        failForGood(ApiFault.always("POST", "/Participants/" + customer + "\\.json$", 400, 20001)
                .withForm("EndConferenceOnExit", "false"));

        dropAlice();
        Incident requeued = pingTimesOut();

        assertCustomerQueued();
        assertThat(finishedOutcome(requeued)).endsWith("a third party may have been cut off when the customer was moved.");
    }

    // The customer's redirect refused: STRANDED, the supervisor alerted, the safety net //

    @Test
    void aRequeueRefusedOnceIsStrandedUntilTheSafetyNetQueuesTheCustomerOnTheVoiceWorkflow() {
        failForGood(ApiFault.always("POST", "/Calls/" + customer + "\\.json$", 404, 20404).withForm("Twiml", "<Enqueue").times(1));

        dropAlice();
        harness.simClock.advance(Duration.ofSeconds(16));

        Incident requeued = settled(harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED && i.strandedFrom() != null));
        Await.until("the dropped agent is told of STRANDED", () -> harness.notifications.stream()
                .map(Incident::phase).toList().containsAll(List.of(Phase.STRANDED)));
        assertCustomerQueued();
        assertThat(harness.metrics.customersStranded()).isEqualTo(1);
        assertThat(finishedOutcome(requeued)).startsWith("Twilio refused to queue the customer at first; Lifeline's safety net");
    }

    @Test
    void aCustomerTwilioRefusesToQueueForGoodIsToldToStayOnTheLineAndQueuedOnceTwilioAcceptsAgain() throws Exception {
        String refusal = failForGood(ApiFault.always("POST", "/Calls/" + customer + "\\.json$", 404, 20404).withForm("Twiml", "<Enqueue"));
        harness.cluster.startReconcilers(Duration.ofMillis(200));
        Incident pinging = dropAlice();

        harness.simClock.advance(Duration.ofSeconds(16));

        Incident stranded = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.STRANDED
                && i.outbox().stream().filter(e -> e.effect() instanceof Effect.RescueCustomer).count() >= 2);
        assertThat(stranded.strandedFrom()).isEqualTo(Phase.REQUEUED);
        IncidentView seen = supervisorSees(stranded);
        assertThat(seen.phase()).isEqualTo(Phase.STRANDED);
        assertThat(seen.isOpen()).as("alice's modal is closed: she is free").isFalse();
        assertThat(seen.alert()).startsWith("The customer is on the line in no queue: Twilio refused to queue them.");
        assertThat(harness.world.conferenceOf(customer)).as("the customer still hears hold music in the old conference")
                .contains(pinging.conferenceSid());
        assertThat(queueTasksOf(customer)).as("no task anywhere for the customer").isEmpty();
        Await.until("the customer is told to stay on the line", () -> harness.world.announcementsIn(pinging.conferenceSid()) == 2
                && current(stranded).outbox().stream().anyMatch(entry -> entry.state() == OutboxEntry.State.DONE
                && entry.effect() instanceof Effect.AnnounceToConference announce
                && announce.url().endsWith(WebhookRoutes.STAY_ON_THE_LINE_PATH)));
        assertThat(stayOnTheLine(stranded)).as("what Twilio fetches to tell the customer")
                .contains("<Say>We are sorry for the wait. Please stay on the line");
        Await.until("alice is released", () -> "completed".equals(harness.taskRouter.reservationStatus(
                pinging.droppedWorker().taskSid(), pinging.droppedWorker().reservationSid())));

        harness.sim.apiFaults().remove(refusal);

        Incident requeued = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED);
        assertCustomerQueued();
        assertThat(queueTasksOf(customer)).singleElement().satisfies(task -> assertThat(task.get("workflow_sid"))
                .as("the safety net's queue").isEqualTo(harness.workspace.voiceWorkflowSid()));
        assertThat(requeued.timestamps().get(Phase.REQUEUED)).isAfter(requeued.timestamps().get(Phase.STRANDED));
    }

    @Test
    void aStrandedCustomerWhoHangsUpEndsTheIncidentAndTheSafetyNetStops() {
        failForGood(ApiFault.always("POST", "/Calls/" + customer + "\\.json$", 404, 20404).withForm("Twiml", "<Enqueue"));
        dropAlice();
        harness.simClock.advance(Duration.ofSeconds(16));
        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.STRANDED);

        harness.sim.voice().hangUp(customer);

        Incident left = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CUSTOMER_LEFT);
        assertThat(left.pendingEffects()).noneMatch(e -> e instanceof Effect.RescueCustomer);
        assertThat(finishedOutcome(left)).startsWith("The customer hung up while in no queue");
    }

    @Test
    void aSupervisorTakingOverAStrandedCustomerStopsTheSafetyNet() {
        failForGood(ApiFault.always("POST", "/Calls/" + customer + "\\.json$", 404, 20404).withForm("Twiml", "<Enqueue"));
        dropAlice();
        harness.simClock.advance(Duration.ofSeconds(16));
        Incident stranded = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.STRANDED);

        harness.engine.cancel(stranded.incidentId(), "sam");

        Incident cancelled = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CANCELLED);
        assertThat(cancelled.pendingEffects()).noneMatch(e -> e instanceof Effect.RescueCustomer);
        assertThat(finishedOutcome(cancelled)).startsWith("A supervisor took over the customer Twilio had refused to queue");
    }

    @Test
    void aRefusedRedirectBackToTheReturningAgentStrandsTheCustomerAndFreesTheAgentUntilTheSafetyNetQueuesThem() throws Exception {
        failForGood(ApiFault.always("POST", "/Calls/" + customer + "\\.json$", 400, 20001).withForm("Twiml", "targetWorkerSid"));
        Incident pinging = dropAlice();

        harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));

        Incident requeued = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED);
        assertThat(requeued.strandedFrom()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        Await.until("the dropped agent is told of STRANDED", () -> harness.notifications.stream()
                .map(Incident::phase).toList().containsAll(List.of(Phase.STRANDED)));
        assertCustomerQueued();
    }

    // Helpers //

    private String failForGood(ApiFault fault) {
        return harness.sim.apiFaults().add(fault);
    }

    private Incident dropAlice() {
        phone.drop();
        return harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
    }

    private Incident pingTimesOut() {
        harness.simClock.advance(Duration.ofSeconds(16));
        return settled(harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED));
    }

    private String thirdPartyJoins() {
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String external = harness.sim.voice().addParticipant(conference, "+15550100000", EXTERNAL, "third-party", true);
        Await.until("the third party is in the conference", () -> harness.world.conferenceOf(external).isPresent());
        return external;
    }

    /** The incident once every effect it asked for has been performed or refused. */
    private Incident settled(Incident incident) {
        return Await.present("every effect of the incident settled", () -> harness.cluster.liveEngine().incidents()
                .get(incident.incidentId()).filter(i -> i.pendingEffects().isEmpty()
                        || i.pendingEffects().stream().allMatch(e -> e instanceof Effect.NotifyAgent)));
    }

    private Incident current(Incident incident) {
        return harness.cluster.liveEngine().incidents().get(incident.incidentId()).orElseThrow();
    }

    /** The incident as the supervisor panel is sent it (in progress: phase and alert). */
    private IncidentView supervisorSees(Incident incident) {
        return WireViews.incident(current(incident), agents);
    }

    /** The "recently finished" row's outcome the supervisor panel is sent. */
    private String finishedOutcome(Incident incident) {
        return WireViews.finished(current(incident), agents).orElseThrow().outcomeText();
    }

    /** Fetches the stay-on-the-line announcement the way Twilio fetches an AnnounceUrl (POST by default). */
    private String stayOnTheLine(Incident stranded) throws Exception {
        String url = current(stranded).outbox().stream().map(OutboxEntry::effect)
                .filter(Effect.AnnounceToConference.class::isInstance).map(Effect.AnnounceToConference.class::cast)
                .map(Effect.AnnounceToConference::url).filter(u -> u.endsWith(WebhookRoutes.STAY_ON_THE_LINE_PATH))
                .findFirst().orElseThrow();
        HttpResponse<String> twiml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("CallSid=" + customer)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twiml.statusCode()).isEqualTo(200);
        assertThat(twiml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
        return twiml.body();
    }

    private void assertCustomerQueued() {
        Await.until("the customer waits in a queue", () -> "queued".equals(harness.world.callActivity(customer)));
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
        assertThat(queueTasksOf(customer)).as("a task in the queue for the customer").isNotEmpty();
    }

    /** The customer's tasks that are waiting for an agent (pending or reserved). */
    private List<Map<String, Object>> queueTasksOf(String callSid) {
        Predicate<Map<String, Object>> waiting = task -> List.of("pending", "reserved").contains(task.get("status"));
        return harness.world.tasksOfCall(callSid).stream().filter(waiting).toList();
    }

}
