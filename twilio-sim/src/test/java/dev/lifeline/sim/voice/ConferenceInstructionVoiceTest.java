package dev.lifeline.sim.voice;

import static dev.lifeline.sim.testsupport.WebhookReceiver.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.sip.SipDomainSetup;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.sim.testsupport.SipTestPhone;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The voice side of a reservation's conference instruction, with the real TaskRouter emulator: the customer's
 * queued call and the worker's SIP phone (registered with the emulated SIP Domain) end up in a conference named by the
 * task SID.
 */
class ConferenceInstructionVoiceTest {

    private static final String ALICE = "sip:alice@" + SipDomainSetup.DOMAIN;

    private SimFixture sim;
    private String workspace;
    private String callback;
    private String customerCall;

    @BeforeEach
    void start() {
        sim = SimFixture.startWithSip(Duration.ofSeconds(2));
        SipDomainSetup.provision(sim.client(), "alice");
        callback = sim.receiver().url("/conference");
        workspace = Workspace.creator("Lifeline").create(sim.client()).getSid();
        String available = StreamSupport.stream(Activity.reader(workspace).read(sim.client()).spliterator(), false)
                .filter(a -> a.getFriendlyName().equals("Available")).findFirst().orElseThrow().getSid();
        Worker.creator(workspace, "alice").setAttributes("{\"contact_uri\":\"" + ALICE + "\"}")
                .setActivitySid(available).create(sim.client());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String workflow() {
        String queue = TaskQueue.creator(workspace, "Support").setTargetWorkers("1==1").create(sim.client()).getSid();
        return Workflow.creator(workspace, "Inbound", "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":"
                + "\"all\",\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + queue + "\"}]}]}}")
                .create(sim.client()).getSid();
    }

    private Task customerTask() {
        customerCall = sim.sim().voice().inboundCall("+15551234567", "+15550100000", workflow(),
                "{\"type\":\"support\"}", null, null);
        return Task.reader(workspace).read(sim.client()).iterator().next();
    }

    private Reservation pending(Task task) {
        return Await.value(() -> StreamSupport.stream(Reservation.reader(workspace, task.getSid()).read(sim.client())
                        .spliterator(), false).filter(r -> r.getReservationStatus() == Reservation.Status.PENDING)
                .findFirst().orElse(null), Duration.ofSeconds(5), "a pending reservation");
    }

    private void conferenceInstruction(Task task, Reservation reservation, Integer timeout) {
        var updater = Reservation.updater(workspace, task.getSid(), reservation.getSid())
                .setInstruction("conference").setFrom("+15550001").setEndConferenceOnExit(false)
                .setEndConferenceOnCustomerExit(true)
                .setConferenceStatusCallback(callback)
                .setConferenceStatusCallbackEvent(List.of(Reservation.ConferenceEvent.START,
                        Reservation.ConferenceEvent.END, Reservation.ConferenceEvent.JOIN,
                        Reservation.ConferenceEvent.LEAVE));
        if (timeout != null) {
            updater.setTimeout(timeout);
        }
        updater.update(sim.client());
    }

    @Test
    void theWorkerAnswersOnTheSipPhoneAndJoinsTheCustomerInAConferenceNamedByTheTask() throws Exception {
        Task task = customerTask();
        assertThat(task.getAttributes()).contains(customerCall);
        Reservation reservation = pending(task);

        try (SipTestPhone alice = registeredAlice(); RtpTestEndpoint media = new RtpTestEndpoint()) {
            conferenceInstruction(task, reservation, null);
            SipTestPhone.Incoming invite = alice.awaitInvite();
            SessionDescription offer = Sdp.parse(invite.sdp());
            media.sendTo(offer.address(), offer.port());
            invite.answer(media.answerSdp());

            Conference conference = Await.value(() -> StreamSupport.stream(Conference.reader().setFriendlyName(task.getSid())
                    .read(sim.client()).spliterator(), false).findFirst().orElse(null), Duration.ofSeconds(5), "the conference");
            assertThat(conference.getStatus()).isEqualTo(Conference.Status.IN_PROGRESS);
            Participant customerLeg = Participant.fetcher(conference.getSid(), "customer").fetch(sim.client());
            Participant workerLeg = Participant.fetcher(conference.getSid(), "alice").fetch(sim.client());
            assertThat(invite.header("X-Twilio-CallSid")).isEqualTo(workerLeg.getCallSid());
            assertThat(customerLeg.getEndConferenceOnExit()).isTrue();
            assertThat(workerLeg.getEndConferenceOnExit()).isFalse();
            assertThat(Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(sim.client())
                    .getReservationStatus()).isEqualTo(Reservation.Status.ACCEPTED);
            Received start = sim.receiver().awaitOne(event("conference-start"));
            assertThat(start.param("FriendlyName")).isEqualTo(task.getSid());

            media.stopSending(); // the desktop dies: no BYE, its RTP stops

            Received leave = sim.receiver().awaitOne(event("participant-leave"));
            assertThat(leave.param("ParticipantLabel")).isEqualTo("alice");
            assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
            Await.until(() -> Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(sim.client())
                    .getReservationStatus() == Reservation.Status.WRAPPING);
            // the customer stays, alone, in the conference that has not ended
            assertThat(Conference.fetcher(conference.getSid()).fetch(sim.client()).getStatus())
                    .isEqualTo(Conference.Status.IN_PROGRESS);
            assertThat(sim.sim().voice().callStatus(customerLeg.getCallSid())).isEqualTo("in-progress");
            assertThat(sim.sim().voice().effects(customerLeg.getCallSid()))
                    .containsEntry("enqueue", 1).containsEntry("bridged", 1).doesNotContainKey("leftQueue");
        }
    }

    private SipTestPhone registeredAlice() {
        SipTestPhone alice = new SipTestPhone(sim.sim().sip().port(), "udp");
        assertThat(alice.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        return alice;
    }

    @Test
    void aWorkerLegThatIsNeverAnsweredIsNoAnswerAfterTheInstructionTimeoutAndTheCustomerStaysQueued() {
        Task task = customerTask();
        Reservation reservation = pending(task);

        conferenceInstruction(task, reservation, 15);
        sim.advance(Duration.ofSeconds(15));

        assertThat(Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(sim.client())
                .getReservationStatus()).isNotEqualTo(Reservation.Status.ACCEPTED);
        assertThat(sim.sim().voice().callStatus(customerCall)).isEqualTo("in-progress");
        assertThat(sim.sim().voice().effects(customerCall)).containsEntry("enqueue", 1).doesNotContainKey("bridged");
        assertThat(Conference.reader().setFriendlyName(task.getSid()).read(sim.client()).iterator().hasNext()).isFalse();
    }

    @Test
    void anAutoAnswerEndpointStandsInForADesktop() {
        sim.sim().voice().registerAutoAnswer(ALICE, Duration.ZERO);
        Task task = customerTask();

        conferenceInstruction(task, pending(task), null);

        assertThat(Task.fetcher(workspace, task.getSid()).fetch(sim.client()).getAssignmentStatus())
                .isEqualTo(Task.Status.ASSIGNED);
        Conference conference = Conference.reader().setFriendlyName(task.getSid()).read(sim.client()).iterator().next();
        assertThat(conference.getStatus()).isEqualTo(Conference.Status.IN_PROGRESS);
    }

    @Test
    void aCustomerWhoHangsUpWhileTheWorkersPhoneRingsCancelsTheWorkerLeg() throws Exception {
        Task task = customerTask();
        Reservation reservation = pending(task);
        try (SipTestPhone alice = registeredAlice()) {
            conferenceInstruction(task, reservation, null);
            SipTestPhone.Incoming invite = alice.awaitInvite();
            invite.ring();
            String leg = invite.header("X-Twilio-CallSid");

            sim.sim().voice().hangUp(customerCall);

            assertThat(alice.awaitCancel()).isNotNull();
            assertThat(sim.sim().voice().callStatus(leg)).isEqualTo("canceled");
            assertThat(Task.fetcher(workspace, task.getSid()).fetch(sim.client()).getAssignmentStatus())
                    .isEqualTo(Task.Status.CANCELED);
        }
    }

    @Test
    void aClientAddressRingsUntilItsTimeoutAndEndsNoAnswerForNoSoftphoneRegistersWithTheEmulator() {
        com.twilio.rest.api.v2010.account.Call call = com.twilio.rest.api.v2010.account.Call.creator(
                new com.twilio.type.Client("client:alice"), new com.twilio.type.PhoneNumber("+15550100000"),
                new com.twilio.type.Twiml("<Response><Pause length=\"5\"/></Response>")).setTimeout(15).create(sim.client());
        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("ringing");

        sim.advance(Duration.ofSeconds(15));

        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("no-answer");
    }
}
