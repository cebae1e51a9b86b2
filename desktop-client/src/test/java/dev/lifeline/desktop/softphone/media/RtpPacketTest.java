package dev.lifeline.desktop.softphone.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void packsTheHeaderAsRfc3550Says() {
        RtpPacket packet = new RtpPacket(8, true, 0xABCD, 0x01020304L, 0xDEADBEEFL, new byte[] {(byte) 0xD5, 0x55});

        assertThat(HEX.formatHex(packet.toBytes())).isEqualTo("8088abcd01020304deadbeefd555");
    }

    @Test
    void parsesWhatItPacks() throws RtpFormatException {
        RtpPacket packet = new RtpPacket(0, false, 65535, 0xFFFFFFFFL, 1, new byte[160]);
        byte[] bytes = packet.toBytes();

        assertThat(RtpPacket.parse(bytes, bytes.length)).isEqualTo(packet);
    }

    @Test
    void skipsCsrcsTheExtensionAndPadding() throws RtpFormatException {
        // V=2 P=1 X=1 CC=1, PT 0; one CSRC; a one-word extension; payload aa bb; two bytes of padding.
        byte[] bytes = HEX.parseHex("b100000100000002000000030000000400010001cafebabeaabb0002");

        RtpPacket packet = RtpPacket.parse(bytes, bytes.length);

        assertThat(packet.sequence()).isEqualTo(1);
        assertThat(packet.payload()).containsExactly(0xaa, 0xbb);
    }

    @Test
    void refusesWhatIsNotRtp() {
        assertThatThrownBy(() -> RtpPacket.parse(new byte[5], 5)).isInstanceOf(RtpFormatException.class);
        byte[] version1 = HEX.parseHex("400000010000000200000003");
        assertThatThrownBy(() -> RtpPacket.parse(version1, version1.length)).isInstanceOf(RtpFormatException.class);
        byte[] csrcsBeyondTheEnd = HEX.parseHex("8f0000010000000200000003");
        assertThatThrownBy(() -> RtpPacket.parse(csrcsBeyondTheEnd, csrcsBeyondTheEnd.length))
                .isInstanceOf(RtpFormatException.class);
    }
}
