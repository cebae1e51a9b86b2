package dev.lifeline.sim.sip;

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
import com.twilio.type.PhoneNumber;
import com.twilio.type.Sip;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.sim.testsupport.SipTestPhone;
import dev.lifeline.sim.testsupport.WebhookReceiver;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer and a SIP agent in the conference a TaskRouter instruction makes: real RTP both ways through the
 * emulator's mixer, proved by Goertzel tone detection (1000 Hz from the customer, 440 Hz from the agent).
 */
class ConferenceMediaTest {

    private static final Duration AUDIO = Duration.ofSeconds(10);

    private SipSimFixture sim;
    private SipTestPhone alicePhone;
    private RtpTestEndpoint aliceMedia;
    private String workspace;
    private String customer;
    private String agentLeg;
    private String conferenceSid;
    private SipTestPhone.Incoming aliceCall;
    private final WebhookReceiver callbacks = new WebhookReceiver();

    @BeforeEach
    void start() {
        sim = new SipSimFixture();
        SipDomainSetup.provision(sim.client, "alice", "bob");
        alicePhone = new SipTestPhone(sim.sipPort(), "udp");
        aliceMedia = new RtpTestEndpoint();
        assertThat(alicePhone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        aliceMedia.close();
        alicePhone.close();
        callbacks.close();
        sim.close();
    }

    /** The customer (1000 Hz) calls in, TaskRouter reserves alice, the conference instruction rings her SIP phone. */
    private void customerBridgedToAlice() {
        workspace = Workspace.creator("Lifeline").create(sim.client).getSid();
        String available = StreamSupport.stream(Activity.reader(workspace).read(sim.client).spliterator(), false)
                .filter(a -> a.getFriendlyName().equals("Available")).findFirst().orElseThrow().getSid();
        Worker.creator(workspace, "alice").setAttributes("{\"contact_uri\":\"sip:alice@lifeline.sip.twilio.com\"}")
                .setActivitySid(available).create(sim.client);
        String queue = TaskQueue.creator(workspace, "Support").create(sim.client).getSid();
        String workflow = Workflow.creator(workspace, "Inbound", "{\"task_routing\":{\"filters\":[],\"default_filter\":"
                + "{\"queue\":\"" + queue + "\"}}}").create(sim.client).getSid();
        customer = sim.sim.voice().inboundCall("+15551234567", "+15550100000", workflow, "{}", null, null);
        sim.sim.media().farEndSends(customer, new ToneGenerator(1000, 0.3));
        Task task = Task.reader(workspace).read(sim.client).iterator().next();
        Reservation reservation = Await.value(() -> StreamSupport.stream(Reservation.reader(workspace, task.getSid())
                .read(sim.client).spliterator(), false).findFirst().orElse(null), Duration.ofSeconds(5), "a reservation");
        Reservation.updater(workspace, task.getSid(), reservation.getSid()).setInstruction("conference")
                .setFrom("+15550001").setEndConferenceOnExit(false)
                .setConferenceStatusCallback(callbacks.url("/conference"))
                .setConferenceStatusCallbackEvent(java.util.List.of(Reservation.ConferenceEvent.LEAVE)).update(sim.client);

        SipTestPhone.Incoming invite = alicePhone.awaitInvite();
        agentLeg = invite.header("X-Twilio-CallSid");
        SessionDescription offer = Sdp.parse(invite.sdp());
        aliceMedia.sendTo(offer.address(), offer.port());
        aliceMedia.tone(440);
        invite.answer(aliceMedia.answerSdp());
        aliceCall = invite;
        Await.until(() -> Reservation.fetcher(workspace, task.getSid(), reservation.getSid()).fetch(sim.client)
                .getReservationStatus() == Reservation.Status.ACCEPTED);
        conferenceSid = Conference.reader().setFriendlyName(task.getSid()).read(sim.client).iterator().next().getSid();
    }

    private static boolean hears(Supplier<short[]> audio, double frequency) {
        return Goertzel.detect(audio.get(), frequency, Codec.SAMPLE_RATE).hits() >= 10;
    }

    private Supplier<short[]> customerHeard(double seconds) {
        return () -> sim.sim.media().farEndHeard(customer).last(seconds);
    }

    private Supplier<short[]> aliceHeard(double seconds) {
        return () -> {
            short[] all = aliceMedia.heard();
            return Arrays.copyOfRange(all, Math.max(0, all.length - (int) (seconds * 8000)), all.length);
        };
    }

    @Test
    void theCustomersToneReachesTheAgentAndTheAgentsToneReachesTheCustomer() {
        customerBridgedToAlice();

        Await.until(() -> hears(aliceHeard(1), 1000), AUDIO, () -> "1000 Hz at the agent");
        Await.until(() -> hears(customerHeard(1), 440), AUDIO, () -> "440 Hz at the customer");
        assertThat(Goertzel.detect(aliceHeard(1).get(), 440, 8000).hits()).as("the agent never hears herself").isZero();
        assertThat(Goertzel.detect(customerHeard(1).get(), 1000, 8000).hits()).as("nor the customer").isZero();
    }

    @Test
    void aMutedCustomerIsNotHeardButStillHears() {
        customerBridgedToAlice();
        Await.until(() -> hears(aliceHeard(1), 1000), AUDIO, () -> "1000 Hz at the agent");

        Participant.updater(conferenceSid, "customer").setMuted(true).update(sim.client);

        Await.until(() -> Goertzel.detect(aliceHeard(0.5).get(), 1000, 8000).hits() == 0, AUDIO, () -> "silence at the agent");
        Await.until(() -> hears(customerHeard(1), 440), AUDIO, () -> "440 Hz still at the customer");
    }

    @Test
    void aHeldCustomerHearsHoldMusicAndIsNotHeard() {
        customerBridgedToAlice();
        Await.until(() -> hears(customerHeard(1), 440), AUDIO, () -> "440 Hz at the customer");

        int heldFrom = sim.sim.media().farEndHeard(customer).samples().length;
        Participant.updater(conferenceSid, "customer").setHold(true).update(sim.client);

        Await.until(() -> Goertzel.detect(aliceHeard(0.5).get(), 1000, 8000).hits() == 0, AUDIO, () -> "silence at the agent");
        Await.until(() -> Goertzel.detect(customerHeard(0.5).get(), 440, 8000).hits() == 0, AUDIO, () -> "no agent at the customer");
        // hold music since the hold began: an arpeggio with C4 (261.63 Hz) at least every 4.5 s
        Supplier<short[]> sinceHold = () -> {
            short[] all = sim.sim.media().farEndHeard(customer).samples();
            return Arrays.copyOfRange(all, Math.min(heldFrom, all.length), all.length);
        };
        Await.until(() -> hears(sinceHold, 261.63), AUDIO, () -> "hold music at the customer");
    }

    @Test
    void inAThreePartyConferenceEachHearsTheOtherTwoButNotItself() {
        customerBridgedToAlice();
        try (SipTestPhone bobPhone = new SipTestPhone(sim.sipPort(), "tcp"); RtpTestEndpoint bobMedia = new RtpTestEndpoint()) {
            assertThat(bobPhone.register(SipDomainSetup.DOMAIN, "bob", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
            Participant.creator(conferenceSid, new PhoneNumber("+15550001"), new Sip("sip:bob@lifeline.sip.twilio.com"))
                    .setLabel("supervisor").create(sim.client);
            SipTestPhone.Incoming invite = bobPhone.awaitInvite();
            SessionDescription offer = Sdp.parse(invite.sdp());
            bobMedia.sendTo(offer.address(), offer.port());
            bobMedia.tone(1600);
            invite.answer(bobMedia.answerSdp());
            Supplier<short[]> bobHeard = () -> {
                short[] all = bobMedia.heard();
                return Arrays.copyOfRange(all, Math.max(0, all.length - 8000), all.length);
            };

            Await.until(() -> hears(bobHeard, 1000) && hears(bobHeard, 440), AUDIO, () -> "customer and agent at bob");
            Await.until(() -> hears(aliceHeard(1), 1000) && hears(aliceHeard(1), 1600), AUDIO, () -> "customer and bob at alice");
            Await.until(() -> hears(customerHeard(1), 440) && hears(customerHeard(1), 1600), AUDIO, () -> "alice and bob at the customer");
            assertThat(Goertzel.detect(bobHeard.get(), 1600, 8000).hits()).isZero();
        }
    }

    @Test
    void aByeFromTheAgentsPhoneEndsItsLegAsAHangUp() {
        customerBridgedToAlice();
        Await.until(() -> hears(aliceHeard(1), 1000), AUDIO, () -> "audio before the hang-up");
        assertThat(Participant.fetcher(conferenceSid, "alice").fetch(sim.client).getCallSid()).isEqualTo(agentLeg);

        assertThat(aliceCall.bye().getStatusCode()).isEqualTo(200);

        Received leave = callbacks.awaitOne(WebhookReceiver.event("participant-leave"));
        assertThat(leave.param("CallSid")).isEqualTo(agentLeg);
        assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
        assertThat(sim.sim.voice().callStatus(agentLeg)).isEqualTo("completed");
        assertThat(sim.sim.voice().effects(agentLeg)).containsEntry("sipBye", 1);
        assertThat(sim.sim.voice().callStatus(customer)).isEqualTo("in-progress");
    }
}
