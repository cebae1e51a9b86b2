package dev.lifeline.desktop.softphone.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfTest {

    @Test
    void eventsCoverTheKeypad() {
        String keys = "0123456789*#ABCD";
        for (int i = 0; i < keys.length(); i++) {
            assertThat(TelephoneEvent.eventFor(keys.charAt(i))).isEqualTo(i);
        }
        assertThat(TelephoneEvent.isKey('x')).isFalse();
    }

    @Test
    void aKeyPressIsFiveUpdatesThenTheEndPacketThreeTimes() {
        DtmfTone tone = new DtmfTone('#', 1000);
        List<String> payloads = new ArrayList<>();
        while (!tone.finished()) {
            payloads.add(HexFormat.of().formatHex(tone.next().toBytes()));
        }
        // event 11, volume 10, durations 160..800; E bit from the fifth packet on, end repeated three times.
        assertThat(payloads).containsExactly("0b0a00a0", "0b0a0140", "0b0a01e0", "0b0a0280", "0b8a0320",
                "0b8a0320", "0b8a0320", "0b8a0320");
        assertThat(tone.startTimestamp()).isEqualTo(1000);
    }

    @Test
    void theReceiverReportsEachEventOnceWhateverItsPacketCount() {
        DtmfReceiver receiver = new DtmfReceiver();
        List<Optional<Character>> reported = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reported.add(receiver.accept(event(5, 8000, i >= 4)));
        }
        reported.add(receiver.accept(event(1, 9600, false)));

        assertThat(reported.stream().flatMap(Optional::stream).toList()).containsExactly('5', '1');
    }

    private static RtpPacket event(int key, long timestamp, boolean end) {
        return new RtpPacket(101, false, 1, timestamp, 7, new TelephoneEvent(key, end, 10, 160).toBytes());
    }
}
