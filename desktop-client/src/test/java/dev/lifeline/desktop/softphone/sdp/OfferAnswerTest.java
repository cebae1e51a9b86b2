package dev.lifeline.desktop.softphone.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.softphone.media.Codec;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {

    private static final OfferAnswer.LocalMedia LOCAL = new OfferAnswer.LocalMedia("192.0.2.10", 32000, "99");

    /** baresip 1.0's real offer (sip.md §3.2). */
    private static final String BARESIP_OFFER = String.join("\r\n",
            "v=0", "o=- 1790 2283 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
            "m=audio 33000 RTP/AVP 0 101", "b=AS:64", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15", "a=ptime:20", "a=minptime:20", "a=rtcp-rsize", "a=ssrc:1234 cname:x", "a=sendrecv", "");

    @Test
    void answersBaresipsOfferWithPcmuAndTelephoneEvents() throws Exception {
        OfferAnswer.Answered answered = OfferAnswer.answer(SdpParser.parse(BARESIP_OFFER), LOCAL, 1, false);

        assertThat(answered.plan()).isEqualTo(new MediaPlan(Codec.PCMU, 101, "127.0.0.1", 33000, Direction.SENDRECV));
        assertThat(SdpWriter.write(answered.answer())).isEqualTo(String.join("\r\n",
                "v=0", "o=- 99 1 IN IP4 192.0.2.10", "s=Lifeline", "c=IN IP4 192.0.2.10", "t=0 0",
                "m=audio 32000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv", ""));
    }

    @Test
    void picksTheFirstOfferedG711LawAndSkipsWhatItCannotPlay() throws Exception {
        String offer = sdp("m=audio 4000 RTP/AVP 96 8 0", "a=rtpmap:96 opus/48000/2", "a=rtpmap:8 PCMA/8000");

        MediaPlan plan = OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 1, false).plan();

        assertThat(plan.codec()).isEqualTo(Codec.PCMA);
        assertThat(plan.hasTelephoneEvents()).isFalse();
    }

    @Test
    void mirrorsTheFarEndsHold() throws Exception {
        assertThat(directionAnswering("a=sendonly", false)).isEqualTo(Direction.RECVONLY);
        assertThat(directionAnswering("a=inactive", false)).isEqualTo(Direction.INACTIVE);
        assertThat(directionAnswering("a=recvonly", false)).isEqualTo(Direction.SENDONLY);
        // This side holding too: it does not listen either.
        assertThat(directionAnswering("a=sendonly", true)).isEqualTo(Direction.INACTIVE);
        assertThat(directionAnswering("a=sendrecv", true)).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void theOldZeroAddressHoldMeansTheFarEndDoesNotListen() throws Exception {
        String offer = String.join("\r\n", "v=0", "o=- 1 2 IN IP4 0.0.0.0", "s=-", "c=IN IP4 0.0.0.0", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "");

        assertThat(OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 1, false).plan().direction())
                .isEqualTo(Direction.RECVONLY);
    }

    @Test
    void ourHoldOffersSendonlyAndReadsTheAnswer() throws Exception {
        String offer = SdpWriter.write(OfferAnswer.offer(LOCAL, 3, true));
        assertThat(offer).contains("m=audio 32000 RTP/AVP 0 8 101", "a=sendonly", "o=- 99 3 IN IP4 192.0.2.10");

        MediaPlan plan = OfferAnswer.accept(SdpParser.parse(sdp("m=audio 4000 RTP/AVP 8", "a=recvonly")));

        assertThat(plan.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(plan.codec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void keepsTheOffersMediaLinesRejectingTheOnesItDoesNotUse() throws Exception {
        String offer = sdp("m=video 5000 RTP/AVP 96", "m=audio 4000 RTP/AVP 0", "m=audio 4002 RTP/AVP 8");

        SessionDescription answer = OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 1, false).answer();

        assertThat(answer.media()).extracting(MediaDescription::type, MediaDescription::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("video", 0),
                        org.assertj.core.groups.Tuple.tuple("audio", 32000),
                        org.assertj.core.groups.Tuple.tuple("audio", 0));
    }

    @Test
    void anOfferWithoutG711IsNotAcceptable() {
        String offer = sdp("m=audio 4000 RTP/AVP 96", "a=rtpmap:96 opus/48000/2");

        assertThatThrownBy(() -> OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 1, false))
                .isInstanceOf(SdpNotAcceptableException.class);
    }

    @Test
    void unreadableDescriptionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> SdpParser.parse("")).isInstanceOf(SdpFormatException.class);
        assertThatThrownBy(() -> SdpParser.parse("hello")).hasMessageContaining("v=0");
        assertThatThrownBy(() -> SdpParser.parse(sdp("m=audio many RTP/AVP 0"))).hasMessageContaining("port");
        assertThatThrownBy(() -> SdpParser.parse(sdp("m=audio 4000 RTP/AVP 0", "a=rtpmap:0 PCMU")))
                .hasMessageContaining("rtpmap");
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\ns=-\r\n")).hasMessageContaining("o=");
        assertThatThrownBy(() -> SdpParser.parse(sdp("m=audio 4000 RTP/AVP 300"))).hasMessageContaining("payload");
    }

    private static Direction directionAnswering(String attribute, boolean holding) throws Exception {
        String offer = sdp("m=audio 4000 RTP/AVP 0", attribute);
        return OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 1, holding).plan().direction();
    }

    private static String sdp(String... mediaLines) {
        return "v=0\r\no=- 1 2 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
                + String.join("\r\n", mediaLines) + "\r\n";
    }
}
