package dev.lifeline.sim.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Sip;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.sim.testsupport.SipTestPhone;
import dev.lifeline.sim.testsupport.WebhookReceiver;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A SIP phone's keys reach a {@code <Gather>} as RFC 4733 telephone-events over real RTP. */
class DtmfOverRtpTest {

    private static final String ALICE = "sip:alice@lifeline.sip.twilio.com";

    private SipSimFixture sim;
    private SipTestPhone phone;
    private RtpTestEndpoint media;
    private final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeEach
    void start() {
        sim = new SipSimFixture();
        SipDomainSetup.provision(sim.client, "alice");
        phone = new SipTestPhone(sim.sipPort(), "udp");
        media = new RtpTestEndpoint();
        assertThat(phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        receiver.serve("/accepted", "<Response><Pause length=\"600\"/></Response>");
    }

    @AfterEach
    void stop() {
        media.close();
        phone.close();
        sim.close();
        receiver.close();
    }

    /** The agent's phone is called with {@code twiml} at {@code /agent}, answers with its RTP endpoint, and the gather starts. */
    private String agentAnswers(String twiml) {
        receiver.serve("/agent", twiml);
        Call call = Call.creator(new Sip(ALICE), new PhoneNumber("+15551234567"), URI.create(receiver.url("/agent")))
                .create(sim.client);
        SipTestPhone.Incoming invite = phone.awaitInvite();
        SessionDescription offer = Sdp.parse(invite.sdp());
        media.sendTo(offer.address(), offer.port());
        invite.answer(media.answerSdp());
        Await.until(() -> "gathering".equals(twimlActivity(call.getSid())), Duration.ofSeconds(5));
        return call.getSid();
    }

    @SuppressWarnings("unchecked")
    private Object twimlActivity(String callSid) {
        return ((List<Map<String, Object>>) sim.sim.voice().snapshot().get("calls")).stream()
                .filter(c -> callSid.equals(c.get("sid"))).findFirst().orElseThrow().get("twimlActivity");
    }

    @Test
    void aKeyPressedOnTheAgentsPhoneAnswersAWhisperMenu() {
        String callSid = agentAnswers("<Response><Gather numDigits=\"1\" action=\"/accepted\">"
                + "<Say>A callback for Ada Lovelace. Press 1 to take it</Say></Gather></Response>");

        media.press("1");

        Received accepted = receiver.await(r -> r.path().equals("/accepted"), 1, Duration.ofSeconds(5)).get(0);
        assertThat(accepted.param("Digits")).isEqualTo("1");
        assertThat(accepted.param("FinishedOnKey")).isEmpty();
        assertThat(accepted.param("CallSid")).isEqualTo(callSid);
        assertThat(sim.sim.voice().effects(callSid)).containsEntry("rtpDigit", 1);
    }

    @Test
    void severalKeysAndTheFinishKeyArriveInOrderEachOnce() {
        String callSid = agentAnswers("<Response><Gather action=\"/accepted\" timeout=\"30\"/></Response>");

        media.press("42#");

        Received accepted = receiver.await(r -> r.path().equals("/accepted"), 1, Duration.ofSeconds(5)).get(0);
        assertThat(accepted.param("Digits")).isEqualTo("42");
        assertThat(accepted.param("FinishedOnKey")).isEqualTo("#");
        assertThat(sim.sim.voice().effects(callSid)).containsEntry("rtpDigit", 3);
    }
}
