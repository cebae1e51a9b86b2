package dev.lifeline.desktop.softphone.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawVectorsMatchTheStandard() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToUlaw(-1)).isEqualTo((byte) 0x7F);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x7F)).isEqualTo((short) 0);
    }

    @Test
    void aLawVectorsMatchTheStandard() {
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeDecodesAndReencodesToItself() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            if (code != 0x7F) { // µ-law has two zeros (0x7F, 0xFF); zero encodes as 0xFF
                assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("µ-law %02x", code).isEqualTo(b);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("A-law %02x", code).isEqualTo(b);
        }
    }

    @Test
    void aToneSurvivesTheRoundTripWithTheQualityG711Promises() {
        short[] tone = new short[8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        for (Codec codec : Codec.values()) {
            short[] back = codec.decode(codec.encode(tone));
            double signal = 0;
            double noise = 0;
            for (int i = 0; i < tone.length; i++) {
                signal += (double) tone[i] * tone[i];
                noise += (double) (tone[i] - back[i]) * (tone[i] - back[i]);
            }
            assertThat(10 * Math.log10(signal / noise)).as("SNR of %s in dB", codec).isGreaterThan(30);
        }
    }
}
