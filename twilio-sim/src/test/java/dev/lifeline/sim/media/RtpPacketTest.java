package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void aPcmuPacketIsWrittenWithTheRfc3550HeaderLayout() {
        RtpPacket packet = new RtpPacket(0, true, 0x1234, 0xDEADBEEFL, 0x01020304L, new byte[] {(byte) 0xFF, 0x7F});
        assertThat(HexFormat.of().formatHex(packet.encode())).isEqualTo("80801234deadbeef01020304ff7f");
    }

    @Test
    void aPacketReadsBackAsItWasWritten() {
        RtpPacket packet = new RtpPacket(8, false, 65535, 4294967295L, 4294967294L, new byte[160]);
        byte[] wire = packet.encode();
        assertThat(RtpPacket.parse(wire, wire.length)).isEqualTo(packet);
    }

    @Test
    void csrcsAnExtensionAndPaddingAreSkipped() {
        // V=2 P=1 X=1 CC=1, PT=0, seq 1, ts 2, ssrc 3, one CSRC, a one-word extension, payload AB CD, 2 bytes padding
        byte[] wire = HexFormat.of().parseHex("b100000100000002000000030000000a"
                + "bede000100000000" + "abcd" + "0002");
        RtpPacket packet = RtpPacket.parse(wire, wire.length);
        assertThat(packet.payload()).containsExactly((byte) 0xAB, (byte) 0xCD);
        assertThat(packet.sequence()).isEqualTo(1);
        assertThat(packet.ssrc()).isEqualTo(3);
    }

    @Test
    void whatIsNotRtpVersion2IsRefused() {
        assertThat(RtpPacket.parse(new byte[5], 5)).isNull();
        assertThat(RtpPacket.parse(HexFormat.of().parseHex("400000010000000200000003"), 12)).isNull();
        assertThat(RtpPacket.parse(HexFormat.of().parseHex("8f000001000000020000000300"), 13)).isNull(); // 15 CSRCs announced
        assertThat(RtpPacket.parse(HexFormat.of().parseHex("a0000001000000020000000300"), 13)).isNull(); // padding 0
    }

    @Test
    void theSenderCountsSequenceAndTimestampAcrossTheirWrap() {
        RtpSender sender = new RtpSender(7, 65535, 4294967295L - 159);
        RtpPacket first = sender.next(Codec.PCMA, new short[160]);
        RtpPacket second = sender.next(Codec.PCMA, new short[160]);
        assertThat(first.marker()).isTrue();
        assertThat(second.marker()).isFalse();
        assertThat(second.sequence()).isZero();
        assertThat(second.timestamp()).isZero();
        assertThat(second.payloadType()).isEqualTo(8);
        assertThat(second.payload()).containsOnly((byte) 0xD5);
    }
}
