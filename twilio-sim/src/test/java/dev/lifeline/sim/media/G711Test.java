package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void silenceEncodesToTheStandardSilenceBytes() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(Codec.PCMU.silence()).isEqualTo((byte) 0xFF);
        assertThat(Codec.PCMA.silence()).isEqualTo((byte) 0xD5);
    }

    @Test
    void knownCodeWordsDecodeToTheirG711Values() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void fullScaleClipsToTheLargestCodeWords() {
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            if (b != 0x7F) { // µ-law has two zeros (0x7F and 0xFF); zero encodes as 0xFF
                assertThat(G711.linearToUlaw(G711.ulawToLinear(code))).as("µ-law %02x", b).isEqualTo(code);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(code))).as("A-law %02x", b).isEqualTo(code);
        }
    }

    /** µ-law is bit-exact with the JDK; the JDK's A-law table rounds some small values the other way, so A-law is held to its SNR. */
    @Test
    void encodingMatchesTheJdksOwnConverterOnAToneSweep() throws Exception {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (Math.sin(i * 2 * Math.PI * (200 + i / 4.0) / 8000) * (i * 4));
        }
        assertThat(G711.encode(Codec.PCMU, samples)).isEqualTo(jdk(samples, AudioFormat.Encoding.ULAW));
        assertThat(snr(samples, G711.decode(Codec.PCMA, G711.encode(Codec.PCMA, samples), 0, samples.length)))
                .isGreaterThan(30.0);
        assertThat(snr(samples, G711.decode(Codec.PCMA, jdk(samples, AudioFormat.Encoding.ALAW), 0, samples.length)))
                .isGreaterThan(30.0);
    }

    private static double snr(short[] original, short[] decoded) {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < original.length; i++) {
            signal += (double) original[i] * original[i];
            noise += Math.pow(original[i] - decoded[i], 2);
        }
        return 10 * Math.log10(signal / noise);
    }

    private static byte[] jdk(short[] samples, AudioFormat.Encoding encoding) throws Exception {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), linear, samples.length);
             AudioInputStream out = AudioSystem.getAudioInputStream(new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false), in)) {
            return out.readAllBytes();
        }
    }
}
