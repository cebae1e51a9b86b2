package dev.lifeline.desktop.softphone.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile input at the softphone's SIP port gets a 4xx or nothing, and the next real call still works. */
class SipBadInputTest extends InteropTest {

    private RawSip raw;

    @BeforeEach
    void startPhone() throws Exception {
        raw = new RawSip(rig.rawPeerPort, rig.phonePort);
        rig.startPhone(Kamailio.PASSWORD, SipTransport.UDP);
        Await.until("the phone is ready", () -> rig.phone.state().isReady());
    }

    @AfterEach
    void stopRawPeer() {
        raw.close();
    }

    @Test
    void malformedSdpGets400AndAnOfferWithoutG711Gets488() throws Exception {
        raw.send(raw.invite("bad-sdp-1", "v=0\r\no=broken\r\nm=audio x RTP/AVP 0\r\n")
                .getBytes(StandardCharsets.UTF_8), rig.phonePort);
        assertThat(raw.finalResponse()).startsWith("SIP/2.0 400");

        raw.send(raw.invite("opus-only-1", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio 4000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\n")
                .getBytes(StandardCharsets.UTF_8), rig.phonePort);
        assertThat(raw.finalResponse()).startsWith("SIP/2.0 488");

        assertThat(rig.listener.events).isEmpty();
        aRealCallStillRingsAndConnects();
    }

    @Test
    void garbageAndOversizedDatagramsAreIgnored() throws Exception {
        byte[] garbage = new byte[1400];
        new Random(12).nextBytes(garbage);
        raw.send(garbage, rig.phonePort);
        byte[] oversized = new byte[65000];
        Arrays.fill(oversized, (byte) 'A');
        byte[] start = "INVITE sip:alice@127.0.0.1 SIP/2.0\r\nContent-Length: 64000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, oversized, 0, start.length);
        raw.send(oversized, rig.phonePort);
        raw.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), rig.phonePort);

        assertThat(rig.phone.state().isReady()).isTrue();
        aRealCallStillRingsAndConnects();
    }

    private void aRealCallStillRingsAndConnects() throws Exception {
        rig.startBaresip();
        rig.baresip.command("dial", InteropRig.ALICE);
        Await.until("the softphone rings", () -> rig.listener.ringingCallSid != null);
        rig.phone.answer(rig.listener.ringingCallSid);
        rig.baresip.awaitEvent("CALL_ESTABLISHED");
        Await.until("the call is connected", () -> rig.listener.saw("connected " + rig.listener.ringingCallSid));
    }
}
