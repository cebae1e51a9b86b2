package dev.lifeline.sim.voiceplane;

import static dev.lifeline.sim.testsupport.WebhookReceiver.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.Client;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.TestSoftphone;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A desktop softphone registers on the voice plane, is rung, answers, and hangs up or drops. */
class VoicePlaneTest {

    private SimFixture sim;
    private String callback;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        callback = sim.receiver().url("/conference");
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestSoftphone alice() throws Exception {
        TestSoftphone phone = TestSoftphone.connect(sim.baseUrl(), "alice",
                sim.sim().voicePlane().tokens().forIdentity("alice"));
        phone.await("registered");
        return phone;
    }

    /** Customer (auto-answered) in conference "room", then alice is dialled in with the given flag. */
    private Participant ringAliceIntoRoom(boolean aliceEndsConference) {
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").setConferenceStatusCallback(callback)
                .setConferenceStatusCallbackEvent(List.of("start", "end", "join", "leave", "hold"))
                .create(sim.client());
        return Participant.creator("room", new PhoneNumber("+15559990000"), new Client("alice"))
                .setLabel("alice").setEndConferenceOnExit(aliceEndsConference).create(sim.client());
    }

    @Test
    void aSoftphoneWithAWrongTokenCannotRegister() {
        assertThatThrownBy(() -> TestSoftphone.connect(sim.baseUrl(), "alice", "forged"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void theAccountAuthTokenAlsoRegistersAnyIdentity() throws Exception {
        try (TestSoftphone phone = TestSoftphone.connect(sim.baseUrl(), "bob", sim.authToken())) {
            assertThat(phone.await("registered").path("address").asText()).isEqualTo("client:bob");
        }
    }

    @Test
    void aRegisteredSoftphoneIsRungAnswersJoinsAndHearsItsHoldState() throws Exception {
        try (TestSoftphone alice = alice()) {
            Participant leg = ringAliceIntoRoom(false);
            assertThat(leg.getStatus()).isEqualTo(Participant.Status.RINGING);

            JsonNode ring = alice.await("ring");
            assertThat(ring.path("callSid").asText()).isEqualTo(leg.getCallSid());
            alice.answer(leg.getCallSid());

            JsonNode connected = alice.await("connected");
            assertThat(connected.path("conferenceSid").asText()).isEqualTo(leg.getConferenceSid());
            assertThat(sim.receiver().awaitOne(event("conference-start"))).isNotNull();
            Participant.updater(leg.getConferenceSid(), "alice").setHold(true).update(sim.client());
            assertThat(alice.await("participant").path("hold").asBoolean()).isTrue();
            assertThat(Call.fetcher(leg.getCallSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.IN_PROGRESS);
        }
    }

    @Test
    void aGracefulHangupMessageCompletesTheLegWithParticipantHungUp() throws Exception {
        try (TestSoftphone alice = alice()) {
            Participant leg = ringAliceIntoRoom(false);
            alice.answer(alice.await("ring").path("callSid").asText());
            alice.await("connected");

            alice.hangUp(leg.getCallSid());

            Received leave = sim.receiver().awaitOne(event("participant-leave"));
            assertThat(leave.param("CallSid")).isEqualTo(leg.getCallSid());
            assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
            assertThat(leave.param("ParticipantCallStatus")).isEqualTo("completed");
            assertThat(alice.await("call-ended").path("callSid").asText()).isEqualTo(leg.getCallSid());
            // the customer is still there: no conference-end
            sim.awaitWebhooksIdle();
            assertThat(sim.receiver().matching(event("conference-end"))).isEmpty();
            assertThat(sim.sim().voice().effects(leg.getCallSid())).containsEntry("softphoneHangup", 1);
        }
    }

    @Test
    void aGracefulHangupOfALegWithEndConferenceOnExitEndsTheConference() throws Exception {
        try (TestSoftphone alice = alice()) {
            Participant leg = ringAliceIntoRoom(true);
            alice.answer(alice.await("ring").path("callSid").asText());
            alice.await("connected");

            alice.hangUp(leg.getCallSid());

            Received end = sim.receiver().awaitOne(event("conference-end"));
            assertThat(end.param("ReasonConferenceEnded")).isEqualTo("participant-with-end-conference-on-exit-left");
            assertThat(end.param("ParticipantLabelEndingConference")).isEqualTo("alice");
            Received customerLeave = sim.receiver().awaitOne(r -> "participant-leave".equals(r.param("StatusCallbackEvent"))
                    && "customer".equals(r.param("ParticipantLabel")));
            assertThat(customerLeave.param("ReasonParticipantLeft")).isEqualTo("moderator_ended_conference");
        }
    }

    @Test
    void aConnectionThatDropsWithoutHangupIsReportedAsADroppedLegAndEndsTheConferenceWhenTheRulesSaySo()
            throws Exception {
        TestSoftphone alice = alice();
        Participant leg = ringAliceIntoRoom(true);
        alice.answer(alice.await("ring").path("callSid").asText());
        alice.await("connected");

        alice.abort();

        Received leave = sim.receiver().awaitOne(r -> "participant-leave".equals(r.param("StatusCallbackEvent"))
                && leg.getCallSid().equals(r.param("CallSid")));
        assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
        assertThat(leave.param("ParticipantCallStatus")).isEqualTo("completed");
        Received end = sim.receiver().awaitOne(event("conference-end"));
        assertThat(end.param("ReasonConferenceEnded")).isEqualTo("participant-with-end-conference-on-exit-left");
        assertThat(end.param("CallSidEndingConference")).isEqualTo(leg.getCallSid());
        assertThat(sim.sim().voice().effects(leg.getCallSid())).containsEntry("softphoneDropped", 1);
    }

    @Test
    void aCleanCloseWithoutAHangupMessageIsStillADrop() throws Exception {
        TestSoftphone alice = alice();
        Participant leg = ringAliceIntoRoom(false);
        alice.answer(alice.await("ring").path("callSid").asText());
        alice.await("connected");

        alice.closeWithoutHangup();

        Received leave = sim.receiver().awaitOne(event("participant-leave"));
        assertThat(leave.param("CallSid")).isEqualTo(leg.getCallSid());
        assertThat(leave.param("ReasonParticipantLeft")).isEqualTo("participant_hung_up");
        assertThat(Conference.fetcher(leg.getConferenceSid()).fetch(sim.client()).getStatus())
                .isEqualTo(Conference.Status.IN_PROGRESS); // the customer is still in
        assertThat(sim.sim().voice().effects(leg.getCallSid())).containsEntry("softphoneDropped", 1);
    }

    @Test
    void aRejectedRingIsBusyAndARingThatIsNeverAnsweredTimesOutOnTheSimClock() throws Exception {
        try (TestSoftphone alice = alice()) {
            Participant rejected = ringAliceIntoRoom(false);
            alice.reject(alice.await("ring").path("callSid").asText());
            Await.untilStatus(sim, rejected.getCallSid(), "busy");

            Participant ignored = Participant.creator("room", new PhoneNumber("+15559990000"), new Client("alice"))
                    .setLabel("alice-2").setTimeout(15).create(sim.client());
            alice.await("ring", 1);
            sim.advance(Duration.ofSeconds(15));

            assertThat(sim.sim().voice().callStatus(ignored.getCallSid())).isEqualTo("no-answer");
            assertThat(alice.await("ring-cancelled", 1).path("reason").asText()).isEqualTo("timeout");
        }
    }

    @Test
    void aSoftphoneThatRegistersWhileItsIdentityIsRingingIsRungAtOnce() throws Exception {
        Participant leg = ringAliceIntoRoom(false);

        try (TestSoftphone alice = alice()) {
            assertThat(alice.await("ring").path("callSid").asText()).isEqualTo(leg.getCallSid());
        }
    }

    /** Small local helper: the call's status reaches {@code status}. */
    private static final class Await {
        static void untilStatus(SimFixture sim, String callSid, String status) {
            dev.lifeline.sim.testsupport.Await.until(() -> status.equals(sim.sim().voice().callStatus(callSid)),
                    Duration.ofSeconds(5), () -> "call " + callSid + " to be " + status);
        }
    }
}
