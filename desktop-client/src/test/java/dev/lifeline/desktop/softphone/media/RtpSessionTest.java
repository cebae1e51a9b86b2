package dev.lifeline.desktop.softphone.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.ToneSource;
import dev.lifeline.desktop.testing.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two RTP sessions on loopback: audio, mute, hold and key presses cross from one to the other. */
class RtpSessionTest {

    private static final PortRange PORTS = new PortRange(32200, 32299);
    private final AtomicInteger heardTone = new AtomicInteger();
    private final AtomicInteger heardSilence = new AtomicInteger();
    private final List<Character> keys = new CopyOnWriteArrayList<>();
    private RtpSession speaking;
    private RtpSession listening;

    @AfterEach
    void close() {
        speaking.close();
        listening.close();
    }

    @Test
    void theToneArrivesMuteSendsSilenceAndHoldStopsSending() throws Exception {
        connect(Codec.PCMA);
        Await.until("the tone is heard", () -> heardTone.get() >= 25);
        assertThat(speaking.inputLevelDbfs()).as("a tone at half scale").isCloseTo(-9.0, offset(0.2));

        speaking.setMuted(true);
        int before = heardSilence.get();
        Await.until("silence is heard while muted", () -> heardSilence.get() >= before + 25);

        speaking.setMuted(false);
        StreamSettings held = new StreamSettings(Codec.PCMA, 101, listeningAddress(), false, true);
        speaking.update(held);
        Await.until("nothing is sent on hold", () -> listening.received().concealed > 10);
    }

    @Test
    void keyPressesArriveOnceEach() throws Exception {
        connect(Codec.PCMU);
        for (char key : "19#".toCharArray()) {
            assertThat(speaking.sendDigit(key)).isTrue();
        }

        Await.until("three keys arrive", () -> keys.size() >= 3);
        assertThat(keys).containsExactly('1', '9', '#');
    }

    private void connect(Codec codec) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        speaking = RtpSession.open(loopback, PORTS);
        listening = RtpSession.open(loopback, PORTS);
        assertThat(speaking.localPort() % 2).as("RTP on an even port").isZero();
        listening.start(new StreamSettings(codec, 101, new InetSocketAddress(loopback, speaking.localPort()), false,
                true), () -> new short[160], recorder(), keys::add);
        speaking.start(new StreamSettings(codec, 101, listeningAddress(), true, true), new ToneSource(1000, 0.5),
                frame -> {
                }, key -> {
                });
    }

    private InetSocketAddress listeningAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.localPort());
    }

    private FrameSink recorder() {
        return frame -> {
            if (Goertzel.normalisedPower(frame, 0, frame.length, 1000, 8000) > Goertzel.HIT) {
                heardTone.incrementAndGet();
            } else if (heardTone.get() > 0) {
                heardSilence.incrementAndGet();
            }
        };
    }
}
