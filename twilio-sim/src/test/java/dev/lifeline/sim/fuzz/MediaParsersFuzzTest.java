package dev.lifeline.sim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.sim.media.DtmfReceiver;
import dev.lifeline.sim.media.RtpPacket;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SdpException;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.media.Wav;
import dev.lifeline.sim.media.WavFormatException;
import dev.lifeline.sim.sip.SipAddress;
import dev.lifeline.sim.sipdomain.SipHostNames;
import java.nio.charset.StandardCharsets;

/**
 * The parsers the emulator wrote for the SIP Domain (JAIN-SIP's own message parser is not ours to fuzz): SDP bodies
 * from endpoints, dialled SIP addresses and the host names the registrar answers to, RTP datagrams, WAV files fetched
 * for {@code <Play>}, RFC 4733 telephone-events. Each refuses only with its own exception (or null), never anything else.
 */
class MediaParsersFuzzTest {

    /** Seeds: {@code MediaParsersFuzzTestInputs/sdpBodiesParseOrAreRefusedWithAnSdpException/}. */
    @FuzzTest(maxDuration = "60s")
    void sdpBodiesParseOrAreRefusedWithAnSdpException(byte[] input) {
        SessionDescription sdp;
        try {
            sdp = Sdp.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(sdp.port()).isBetween(0, 65535);
        assertThat(sdp.address()).isNotBlank();
        try {
            String answer = Sdp.answer(sdp, "127.0.0.1", 30000, 1, 2);
            assertThat(Sdp.parse(answer).firstG711()).isEqualTo(sdp.firstG711());
        } catch (SdpException noG711) {
            assertThat(sdp.firstG711()).isNull();
        }
    }

    /** Seeds: {@code MediaParsersFuzzTestInputs/sipAddressesParseOrAreNull/}. */
    @FuzzTest(maxDuration = "60s")
    void sipAddressesParseOrAreNull(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SipAddress address = SipAddress.parse(text);
        if (address != null) {
            assertThat(address.host()).isNotBlank();
            SipHostNames.Parsed host = SipHostNames.parse(address.host());
            if (host != null) {
                assertThat(host.domainName()).endsWith(SipHostNames.SUFFIX);
            }
        }
        SipHostNames.validDomainName(text);
    }

    /** Seeds: {@code MediaParsersFuzzTestInputs/datagramsAndWavFilesParseOrAreRefused/}. */
    @FuzzTest(maxDuration = "60s")
    void datagramsAndWavFilesParseOrAreRefused(byte[] input) {
        RtpPacket packet = RtpPacket.parse(input, input.length);
        if (packet != null) {
            assertThat(packet.payload().length).isLessThanOrEqualTo(input.length - RtpPacket.HEADER_BYTES);
            Character key = new DtmfReceiver().accept(packet); // as a telephone-event: a key, or null
            assertThat(key == null || "0123456789*#".indexOf(key) >= 0).isTrue();
        }
        try {
            Wav.read(input);
        } catch (WavFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
