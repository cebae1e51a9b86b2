package dev.lifeline.sim.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Sip;
import com.twilio.type.Twiml;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dialling a registered endpoint: INVITE fork, CANCEL, BYE both ways, Twilio's failures. */
class SipCallsTest {

    private static final String ALICE = "sip:alice@lifeline.sip.twilio.com";
    private static final Twiml HOLD = new Twiml("<Response><Pause length=\"600\"/></Response>");

    private SipSimFixture sim;
    private SipTestPhone udp;
    private SipTestPhone tcp;

    @BeforeEach
    void start() {
        sim = new SipSimFixture(Duration.ofSeconds(2));
        SipDomainSetup.provision(sim.client, "alice");
        udp = new SipTestPhone(sim.sipPort(), "udp");
        tcp = new SipTestPhone(sim.sipPort(), "tcp");
    }

    @AfterEach
    void stop() {
        udp.close();
        tcp.close();
        sim.close();
    }

    private void registerBoth() {
        assertThat(udp.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        assertThat(tcp.register("lifeline.sip.dublin.twilio.com", "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
    }

    private String status(String callSid) {
        return sim.sim.voice().callStatus(callSid);
    }

    @SuppressWarnings("unchecked")
    private Object snapshotField(String callSid, String field) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) sim.sim.voice().snapshot().get("calls");
        return calls.stream().filter(c -> callSid.equals(c.get("sid"))).findFirst().orElseThrow().get(field);
    }

    @Test
    void aCallToTheAddressOfRecordForksToEveryBindingAndTheFirstAnswerWinsTheOthersAreCancelled() {
        registerBoth();
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), HOLD).create(sim.client);

        SipTestPhone.Incoming first = udp.awaitInvite();
        SipTestPhone.Incoming second = tcp.awaitInvite();
        assertThat(first.header("X-Twilio-CallSid")).isEqualTo(call.getSid());
        assertThat(second.header("X-Twilio-CallSid")).isEqualTo(call.getSid());
        assertThat(first.header("X-Twilio-AccountSid")).isEqualTo(sim.sim.accountSid());
        assertThat(first.header("X-Twilio-ApiVersion")).isEqualTo("2010-04-01");
        assertThat(first.header("To")).contains("alice@lifeline.sip.twilio.com");
        assertThat(first.header("From")).contains("+15551234567@lifeline.sip.twilio.com");
        SessionDescription offer = Sdp.parse(first.sdp());
        assertThat(offer.payloadTypes()).containsExactly(0, 8, 101);
        assertThat(first.sdp()).contains("a=ptime:20");

        first.ring();
        Await.until(() -> sim.sim.voice().effects(call.getSid()).containsKey("sipRinging"));
        try (RtpTestEndpoint media = new RtpTestEndpoint()) {
            second.answer(media.answerSdp());
            Await.until(() -> status(call.getSid()).equals("in-progress"));
            assertThat(udp.awaitCancel()).isNotNull();

            assertThat(second.bye().getStatusCode()).isEqualTo(200);
            Await.until(() -> status(call.getSid()).equals("completed"));
            assertThat(sim.sim.voice().effects(call.getSid())).containsEntry("sipBye", 1);
        }
    }

    @Test
    void nobodyRegisteredFailsTheLegAtOnceWith32009() {
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), HOLD).create(sim.client);

        Await.until(() -> status(call.getSid()).equals("failed"));
        assertThat(snapshotField(call.getSid(), "sipError")).isEqualTo(32009);
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client).getStatus()).isEqualTo(Call.Status.FAILED);
    }

    @Test
    void aParticipantDialledToNobodyRegisteredIsCreatedThenFailsWith32009AndLeavesTheConference() {
        Participant participant = Participant.creator("room", new PhoneNumber("+15550001111"), new Sip(ALICE))
                .setLabel("agent").create(sim.client);
        assertThat(participant.getStatus()).isNotNull();

        Await.until(() -> status(participant.getCallSid()).equals("failed"));
        assertThat(snapshotField(participant.getCallSid(), "sipError")).isEqualTo(32009);
        assertThat(Participant.reader(participant.getConferenceSid()).read(sim.client).iterator().hasNext()).isFalse();
    }

    @Test
    void anEdgeInTheDialledHostFailsWith32220AndAMissingUserWith32223() {
        registerBoth();
        Call edge = Call.creator(new Sip("sip:alice@lifeline.sip.ashburn.twilio.com"), new PhoneNumber("+1555"), HOLD)
                .create(sim.client);
        Call bare = Call.creator(new Sip("sip:lifeline.sip.twilio.com"), new PhoneNumber("+1555"), HOLD).create(sim.client);
        Await.until(() -> status(edge.getSid()).equals("failed") && status(bare.getSid()).equals("failed"));
        assertThat(snapshotField(edge.getSid(), "sipError")).isEqualTo(32220);
        assertThat(snapshotField(bare.getSid(), "sipError")).isEqualTo(32223);
    }

    @Test
    void busyEverywhereIsBusy() {
        assertThat(udp.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), HOLD).create(sim.client);
        udp.awaitInvite().refuse(486);
        Await.until(() -> status(call.getSid()).equals("busy"));
    }

    @Test
    void aRingTimeoutIsNoAnswerAndCancelsEveryFork() {
        registerBoth();
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), HOLD).setTimeout(20).create(sim.client);
        udp.awaitInvite().ring();
        tcp.awaitInvite();

        sim.clock.advance(Duration.ofSeconds(20));

        assertThat(status(call.getSid())).isEqualTo("no-answer");
        assertThat(udp.awaitCancel()).isNotNull();
        assertThat(tcp.awaitCancel()).isNotNull();
    }

    @Test
    void aParticipantKickedThroughTheApiGetsABye() {
        assertThat(udp.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        Participant participant = Participant.creator("room", new PhoneNumber("+15550001111"), new Sip(ALICE))
                .setLabel("agent").create(sim.client);
        try (RtpTestEndpoint media = new RtpTestEndpoint()) {
            udp.awaitInvite().answer(media.answerSdp());
            Await.until(() -> status(participant.getCallSid()).equals("in-progress"));

            Participant.deleter(participant.getConferenceSid(), "agent").delete(sim.client);

            assertThat(udp.awaitBye()).isNotNull();
            assertThat(status(participant.getCallSid())).isEqualTo("completed");
        }
    }

    @Test
    void aLegWhoseRtpStopsIsDroppedAfterTheMediaTimeoutAndGetsABye() {
        assertThat(udp.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), HOLD).create(sim.client);
        try (RtpTestEndpoint media = new RtpTestEndpoint()) {
            SipTestPhone.Incoming invite = udp.awaitInvite();
            SessionDescription offer = Sdp.parse(invite.sdp());
            media.sendTo(offer.address(), offer.port());
            invite.answer(media.answerSdp());
            Await.until(() -> status(call.getSid()).equals("in-progress"));
            Await.until(() -> media.packetsReceived() > 10, Duration.ofSeconds(5), () -> "RTP from the emulator");

            media.stopSending();

            Await.until(() -> status(call.getSid()).equals("completed"), Duration.ofSeconds(10), () -> "the media timeout");
            assertThat(sim.sim.voice().effects(call.getSid())).containsEntry("mediaTimeout", 1);
            assertThat(udp.awaitBye()).isNotNull();
        }
    }
}
