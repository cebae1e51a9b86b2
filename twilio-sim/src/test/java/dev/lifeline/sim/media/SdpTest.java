package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpTest {

    /** baresip 1.0.0's real offer (sip.md §3.2). */
    private static final String BARESIP = """
            v=0
            o=- 1474716345 2876429567 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 25070 RTP/AVP 0 101
            b=AS:70
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=minptime:20
            a=rtcp-rsize
            a=ssrc:1234 cname:x
            a=sendrecv
            """;

    @Test
    void theOfferIsTwiliosPcmuPcmaTelephoneEventAtTwentyMilliseconds() {
        assertThat(Sdp.offer("127.0.0.1", 30000, 42, 1)).isEqualTo(
                "v=0\r\no=- 42 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 30000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n");
    }

    @Test
    void baresipsOfferIsReadWithItsStaticPcmuAndTelephoneEvent() {
        SessionDescription offer = Sdp.parse(BARESIP);
        assertThat(offer.address()).isEqualTo("127.0.0.1");
        assertThat(offer.port()).isEqualTo(25070);
        assertThat(offer.payloadTypes()).containsExactly(0, 101);
        assertThat(offer.firstG711()).isEqualTo(Codec.PCMU);
        assertThat(offer.telephoneEvent()).isEqualTo(101);
        assertThat(offer.direction()).isEqualTo("sendrecv");
        assertThat(offer.sessionVersion()).isEqualTo(2876429567L);
    }

    @Test
    void theAnswerPicksTheFirstG711FormatOfTheOfferAndMirrorsHold() {
        SessionDescription offer = Sdp.parse("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 18 8 0\r\na=rtpmap:18 G729/8000\r\na=sendonly\r\n");
        SessionDescription answer = Sdp.parse(Sdp.answer(offer, "127.0.0.1", 30002, 9, 2));
        assertThat(answer.payloadTypes()).containsExactly(8);
        assertThat(answer.firstG711()).isEqualTo(Codec.PCMA);
        assertThat(answer.direction()).isEqualTo("recvonly");
        assertThat(answer.port()).isEqualTo(30002);
    }

    @Test
    void anOfferWithoutG711CannotBeAnswered() {
        SessionDescription opus = Sdp.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n");
        assertThatThrownBy(() -> Sdp.answer(opus, "127.0.0.1", 1, 1, 1)).isInstanceOf(SdpException.class)
                .hasMessageContaining("PCMU or PCMA");
    }

    @Test
    void theMediaLevelAddressWinsAndLaterStreamsAreIgnored() {
        SessionDescription sdp = Sdp.parse("v=0\no=- 1 1 IN IP4 1.1.1.1\ns=-\nc=IN IP4 1.1.1.1\nt=0 0\n"
                + "m=audio 5000 RTP/AVP 0\nc=IN IP4 2.2.2.2\nm=audio 6000 RTP/AVP 8\nc=IN IP4 3.3.3.3\n");
        assertThat(sdp.address()).isEqualTo("2.2.2.2");
        assertThat(sdp.port()).isEqualTo(5000);
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Sdp.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Sdp.parse("hello")).hasMessageContaining("<type>=<value>");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\n")).hasMessageContaining("no audio");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nm=audio 1 RTP/AVP 0\r\n")).hasMessageContaining("no c=");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n"))
                .hasMessageContaining("m= port");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 9 RTP/AVP x\r\n"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 a b\r\nm=audio 9 UDP/TLS 0\r\n"))
                .isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> Sdp.parse("v=0\r\n" + "a=x\r\n".repeat(4000))).hasMessageContaining("longer than");
    }
}
