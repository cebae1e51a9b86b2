package dev.lifeline.desktop.softphone.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.softphone.media.Goertzel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDevicesTest {

    @TempDir
    Path dir;

    @Test
    void theLevelIsTheRmsInDbfs() {
        short[] full = new short[160];
        java.util.Arrays.fill(full, Short.MAX_VALUE);
        assertThat(AudioLevel.dbfs(full)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
        short[] half = new short[160];
        java.util.Arrays.fill(half, (short) 16384);
        assertThat(AudioLevel.dbfs(half)).isCloseTo(-6.02, org.assertj.core.data.Offset.offset(0.01));
        assertThat(AudioLevel.dbfs(new short[160])).isEqualTo(AudioLevel.SILENCE_DBFS);
    }

    @Test
    void aWavFileRecordedBySinkReadsBackAndLoopsAsASource() throws IOException {
        Path file = dir.resolve("tone.wav");
        ToneSource tone = new ToneSource(1000, 0.5);
        try (WavFileSink sink = new WavFileSink(file)) {
            for (int i = 0; i < 50; i++) {
                sink.write(tone.read());
            }
        }
        short[] samples = Wav.read(file);
        assertThat(samples).hasSize(8000);
        assertThat(Goertzel.hits(samples, 1000)[0]).isEqualTo(Goertzel.hits(samples, 1000)[1]);

        WavFileSource source = new WavFileSource(file);
        for (int i = 0; i < 50; i++) {
            source.read();
        }
        assertThat(source.read()).as("it starts again").isEqualTo(java.util.Arrays.copyOf(samples, 160));
    }

    @Test
    void aWavInAnotherFormatIsRefusedNamingTheFormat() throws IOException {
        Path stereo = dir.resolve("stereo.wav");
        byte[] header = Wav.header(4);
        header[22] = 2; // channels
        Files.write(stereo, java.nio.ByteBuffer.allocate(48).put(header).array());

        assertThatThrownBy(() -> FileAudioDevice.playing(stereo, null)).hasMessageContaining("8000 Hz mono 16-bit");
    }

    @Test
    void theRingToneRingsTwoSecondsThenPausesFour() {
        RingTone ring = new RingTone();
        int loudFrames = 0;
        for (int frame = 0; frame < 300; frame++) {
            if (AudioLevel.dbfs(ring.read()) > -40) {
                loudFrames++;
            }
        }
        // 6 s = 300 frames: the first 100 ring, the next 200 are silent.
        assertThat(loudFrames).isEqualTo(100);
    }

    @Test
    void javaSoundEitherOpensTheMicrophoneOrSaysNoneWasFound() throws Exception {
        boolean hasMicrophone = !new JavaSoundDevices().microphones().isEmpty();
        JavaSoundAudioDevice device = new JavaSoundAudioDevice(null, null);
        if (hasMicrophone) {
            device.openMicrophone().close();
        } else {
            // A machine without sound hardware (CI): Java Sound throws IllegalArgumentException, sip.md §3.3.
            assertThatThrownBy(device::openMicrophone).isInstanceOf(AudioUnavailableException.class)
                    .hasMessage("no microphone found");
        }
    }
}
