package dev.lifeline.sim.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Conference;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.RtpTestEndpoint;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code <Dial><Sip>}: the caller is bridged to the registered endpoint, then goes on with its next verb. */
class DialSipTest {

    private static final String TWIML = "<Response><Dial timeout=\"20\"><Sip>sip:alice@lifeline.sip.twilio.com</Sip></Dial>"
            + "<Say>Goodbye</Say></Response>";

    private SipSimFixture sim;
    private SipTestPhone phone;

    @BeforeEach
    void start() {
        sim = new SipSimFixture();
        SipDomainSetup.provision(sim.client, "alice");
        phone = new SipTestPhone(sim.sipPort(), "udp");
    }

    @AfterEach
    void stop() {
        phone.close();
        sim.close();
    }

    @Test
    void theCallerTalksToTheEndpointAndGoesOnWithTheNextVerbWhenItHangsUp() {
        assertThat(phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        String caller = sim.sim.voice().inboundCall("+15551234567", "+15550100000", TWIML);
        sim.sim.media().farEndSends(caller, new ToneGenerator(1000, 0.3));

        SipTestPhone.Incoming invite = phone.awaitInvite();
        String child = invite.header("X-Twilio-CallSid");
        assertThat(child).isNotEqualTo(caller);
        try (RtpTestEndpoint media = new RtpTestEndpoint()) {
            SessionDescription offer = Sdp.parse(invite.sdp());
            media.sendTo(offer.address(), offer.port());
            media.tone(440);
            invite.answer(media.answerSdp());

            Await.until(() -> Goertzel.detect(last(media.heard()), 1000, Codec.SAMPLE_RATE).hits() >= 10,
                    Duration.ofSeconds(10), () -> "the caller's tone at the endpoint");
            Await.until(() -> Goertzel.detect(sim.sim.media().farEndHeard(caller).last(1), 440, Codec.SAMPLE_RATE).hits() >= 10,
                    Duration.ofSeconds(10), () -> "the endpoint's tone at the caller");
            assertThat(Conference.reader().read(sim.client).iterator().hasNext()).as("a Dial bridge is no Conference").isFalse();

            assertThat(invite.bye().getStatusCode()).isEqualTo(200);
        }
        Await.until(() -> sim.sim.voice().callStatus(caller).equals("completed"));
        assertThat(sim.sim.voice().callStatus(child)).isEqualTo("completed");
        assertThat(sim.sim.voice().effects(caller)).containsEntry("dialSip", 1).containsEntry("say", 1);
    }

    @Test
    void aDialToNobodyRegisteredMovesOnToTheNextVerb() {
        String caller = sim.sim.voice().inboundCall("+15551234567", "+15550100000", TWIML);
        Await.until(() -> sim.sim.voice().callStatus(caller).equals("completed"));
        assertThat(sim.sim.voice().effects(caller)).containsEntry("dialSip", 1).containsEntry("say", 1);
    }

    @Test
    void theCallerHangingUpWhileTheEndpointRingsCancelsIt() {
        assertThat(phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600).getStatusCode()).isEqualTo(200);
        String caller = sim.sim.voice().inboundCall("+15551234567", "+15550100000", TWIML);
        phone.awaitInvite().ring();

        sim.sim.voice().hangUp(caller);

        assertThat(phone.awaitCancel()).isNotNull();
    }

    private static short[] last(short[] all) {
        return Arrays.copyOfRange(all, Math.max(0, all.length - 8000), all.length);
    }
}
