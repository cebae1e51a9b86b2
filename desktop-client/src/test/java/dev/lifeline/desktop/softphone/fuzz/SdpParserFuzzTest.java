package dev.lifeline.desktop.softphone.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.desktop.softphone.media.RtpFormatException;
import dev.lifeline.desktop.softphone.media.RtpPacket;
import dev.lifeline.desktop.softphone.media.TelephoneEvent;
import dev.lifeline.desktop.softphone.sdp.OfferAnswer;
import dev.lifeline.desktop.softphone.sdp.SdpFormatException;
import dev.lifeline.desktop.softphone.sdp.SdpNotAcceptableException;
import dev.lifeline.desktop.softphone.sdp.SdpParser;
import dev.lifeline.desktop.softphone.sdp.SdpWriter;
import dev.lifeline.desktop.softphone.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;

/**
 * What a caller puts in an INVITE's body reaches the SDP parser and offer/answer; what reaches the RTP port is
 * parsed as RTP. Neither may throw anything but their format exceptions (a 400/488, a dropped datagram).
 */
class SdpParserFuzzTest {

    private static final OfferAnswer.LocalMedia LOCAL = new OfferAnswer.LocalMedia("192.0.2.1", 32000, "1");

    /** Seeds: {@code SdpParserFuzzTestInputs/offersParseAndAreAnsweredOrRefused/}, SDP bodies. */
    @FuzzTest(maxDuration = "60s")
    void offersParseAndAreAnsweredOrRefused(byte[] body) {
        SessionDescription offer;
        try {
            offer = SdpParser.parse(new String(body, StandardCharsets.UTF_8));
        } catch (SdpFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        try {
            OfferAnswer.Answered answered = OfferAnswer.answer(offer, LOCAL, 2, false);
            assertThat(answered.answer().media()).hasSameSizeAs(offer.media());
            // Our own answer always reads back.
            assertThat(SdpParser.parse(SdpWriter.write(answered.answer())).media())
                    .hasSameSizeAs(answered.answer().media());
        } catch (SdpNotAcceptableException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } catch (SdpFormatException e) {
            throw new AssertionError("the softphone wrote an answer it cannot read", e);
        }
    }

    /** Seeds: {@code SdpParserFuzzTestInputs/datagramsParseAsRtpOrAreDropped/}, raw datagrams. */
    @FuzzTest(maxDuration = "60s")
    void datagramsParseAsRtpOrAreDropped(byte[] datagram) {
        try {
            RtpPacket packet = RtpPacket.parse(datagram, datagram.length);
            assertThat(packet.payload().length).isLessThanOrEqualTo(datagram.length - RtpPacket.HEADER_BYTES);
            TelephoneEvent.parse(packet.payload());
        } catch (RtpFormatException dropped) {
            assertThat(dropped.getMessage()).isNotBlank();
        }
    }
}
