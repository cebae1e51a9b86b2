package dev.lifeline.desktop.softphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;
import dev.lifeline.desktop.softphone.audio.NullAudioDevice;
import dev.lifeline.desktop.softphone.media.Goertzel;
import dev.lifeline.desktop.testing.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An offered call rings through the phone's audio device (the ring tone's 440 Hz), and stops when told. */
class OfferRingTest {

    private static final SipAccount ACCOUNT = SipAccount.direct("sip:alice@127.0.0.1", "DeskPhone2026x", SipTransport.UDP);

    @Test
    void theRingTonePlaysOnTheSpeakerUntilTheOfferStopsRinging() {
        CapturingSpeaker audio = new CapturingSpeaker();
        try (SipSoftphone phone = new SipSoftphone(ACCOUNT, SipOptions.defaults(), audio)) {
            phone.ringOffered(true);
            Await.until("a second of ringing reached the speaker", () -> audio.frames.size() >= 50);

            phone.ringOffered(false);
            Await.until("the speaker is closed", () -> audio.closed.get() == 1);
        }
        short[] heard = audio.samples();
        // 100 ms blocks resolve the ring's two tones 40 Hz apart (a 205-sample block would blur them).
        for (int from = 0; from + 800 <= 8000; from += 800) {
            assertThat(Goertzel.normalisedPower(heard, from, 800, 440, 8000)).as("440 Hz at %d", from).isGreaterThan(0.3);
            assertThat(Goertzel.normalisedPower(heard, from, 800, 480, 8000)).as("480 Hz at %d", from).isGreaterThan(0.3);
            assertThat(Goertzel.normalisedPower(heard, from, 800, 1000, 8000)).as("1 kHz at %d", from).isLessThan(0.05);
        }
    }

    @Test
    void theNullDeviceRingsSilentlyAndWithoutError() {
        try (SipSoftphone phone = new SipSoftphone(ACCOUNT, SipOptions.defaults(), new NullAudioDevice())) {
            phone.ringOffered(true);
            phone.ringOffered(false);
            assertThat(phone.state().audioProblem()).isNull();
        }
    }

    private static final class CapturingSpeaker implements AudioDevice {
        final List<short[]> frames = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String describe() {
            return "capturing speaker";
        }

        @Override
        public FrameSource openMicrophone() {
            return () -> new short[FRAME_SAMPLES];
        }

        @Override
        public FrameSink openSpeaker() {
            return new FrameSink() {
                @Override
                public void write(short[] frame) {
                    frames.add(frame.clone());
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        short[] samples() {
            short[] all = new short[frames.size() * FRAME_SAMPLES];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i), 0, all, i * FRAME_SAMPLES, FRAME_SAMPLES);
            }
            return all;
        }
    }
}
