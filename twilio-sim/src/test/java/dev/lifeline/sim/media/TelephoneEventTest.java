package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 telephone-events: the payload format (§2.3) with hand-made packet vectors, the receiver and the sender. */
class TelephoneEventTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void thePayloadCarriesEventEndBitVolumeAndDuration() {
        assertThat(TelephoneEvent.parse(hex("01 0a 01 90"))).isEqualTo(new TelephoneEvent(1, false, 10, 400));
        assertThat(TelephoneEvent.parse(hex("0b 8a 03 20"))).isEqualTo(new TelephoneEvent(11, true, 10, 800));
        assertThat(TelephoneEvent.parse(hex("0a 3f ff ff"))).isEqualTo(new TelephoneEvent(10, false, 63, 65535));
        assertThat(TelephoneEvent.parse(hex("05 0a 00"))).isNull();
        assertThat(new TelephoneEvent(11, true, 10, 800).encode()).isEqualTo(hex("0b 8a 03 20"));
    }

    @Test
    void eventCodesMapToTheKeysOfTheKeypad() {
        assertThat(new TelephoneEvent(0, false, 0, 0).key()).isEqualTo('0');
        assertThat(new TelephoneEvent(9, false, 0, 0).key()).isEqualTo('9');
        assertThat(new TelephoneEvent(10, false, 0, 0).key()).isEqualTo('*');
        assertThat(new TelephoneEvent(11, false, 0, 0).key()).isEqualTo('#');
        assertThat(new TelephoneEvent(12, false, 0, 0).key()).isEqualTo('A');
        assertThat(new TelephoneEvent(16, false, 0, 0).key()).isNull(); // flash
        assertThat(TelephoneEvent.codeOf('#')).isEqualTo(11);
        assertThatThrownBy(() -> TelephoneEvent.codeOf('x')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeRtpPacketOfPayloadType101Parses() {
        // V=2, M=1, PT=101, seq 0x1234, ts 1000, SSRC 0xDEADBEEF, event 5, volume 10, duration 160
        RtpPacket packet = RtpPacket.parse(hex("80 e5 12 34 00 00 03 e8 de ad be ef 05 0a 00 a0"), 16);

        assertThat(packet.payloadType()).isEqualTo(101);
        assertThat(packet.marker()).isTrue();
        assertThat(packet.sequence()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(1000);
        assertThat(TelephoneEvent.parse(packet.payload())).isEqualTo(new TelephoneEvent(5, false, 10, 160));
    }

    @Test
    void theReceiverReportsEachEventOnceByItsTimestampEvenWhenItsFirstPacketsAreLost() {
        DtmfReceiver receiver = new DtmfReceiver();
        List<Character> keys = new ArrayList<>();
        // '1': three updates then three end packets, all with the event's start timestamp 8000
        for (String packet : List.of(
                "80 e5 00 01 00 00 1f 40 00 00 00 01 01 0a 00 a0",
                "80 65 00 02 00 00 1f 40 00 00 00 01 01 0a 01 40",
                "80 65 00 03 00 00 1f 40 00 00 00 01 01 0a 01 e0",
                "80 65 00 04 00 00 1f 40 00 00 00 01 01 8a 02 80",
                "80 65 00 05 00 00 1f 40 00 00 00 01 01 8a 02 80",
                "80 65 00 06 00 00 1f 40 00 00 00 01 01 8a 02 80",
                // '#' whose first packets were lost: only its end packets (timestamp 9600) arrive
                "80 65 00 0b 00 00 25 80 00 00 00 01 0b 8a 02 80",
                "80 65 00 0c 00 00 25 80 00 00 00 01 0b 8a 02 80",
                // 'A' is not a key a <Gather> takes
                "80 e5 00 10 00 00 2b c0 00 00 00 01 0c 0a 00 a0")) {
            Character key = receiver.accept(RtpPacket.parse(hex(packet), 16));
            if (key != null) {
                keys.add(key);
            }
        }

        assertThat(keys).containsExactly('1', '#');
    }

    @Test
    void theSenderSendsUpdatesThenThreeEndPacketsPerKeyOnTheStreamsSequenceAndTheReceiverReadsThemBack() {
        RtpSender sender = new RtpSender(0x1234, 100, 8000);
        DtmfSender keys = new DtmfSender();
        keys.add("1#");
        DtmfReceiver receiver = new DtmfReceiver();
        List<RtpPacket> events = new ArrayList<>();
        StringBuilder heard = new StringBuilder();
        for (int tick = 0; tick < 30; tick++) {
            RtpPacket packet = keys.next(sender, 101);
            if (packet == null) {
                sender.next(Codec.PCMU, new short[Codec.FRAME_SAMPLES]); // audio between keys
                continue;
            }
            events.add(packet);
            Character key = receiver.accept(RtpPacket.parse(packet.encode(), packet.encode().length));
            if (key != null) {
                heard.append(key);
            }
        }

        assertThat(heard).hasToString("1#");
        assertThat(keys.idle()).isTrue();
        assertThat(events).hasSize(16);
        List<RtpPacket> first = events.subList(0, 8);
        assertThat(first).extracting(RtpPacket::timestamp).containsOnly(8000L);
        assertThat(first).extracting(RtpPacket::sequence).containsExactly(100, 101, 102, 103, 104, 105, 106, 107);
        assertThat(first).extracting(RtpPacket::marker).containsExactly(true, false, false, false, false, false, false, false);
        assertThat(first).extracting(p -> TelephoneEvent.parse(p.payload()))
                .extracting(TelephoneEvent::duration).containsExactly(160, 320, 480, 640, 800, 800, 800, 800);
        assertThat(first).extracting(p -> TelephoneEvent.parse(p.payload()).end())
                .containsExactly(false, false, false, false, false, true, true, true);
        // the second key starts after 8 event packets and 3 audio frames: 11 frames of 160 samples later
        assertThat(events.get(8).timestamp()).isEqualTo(8000 + 11 * 160);
        assertThat(events.get(8).sequence()).isEqualTo(111);
    }
}
