package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WavTest {

    @Test
    void aWrittenFileHasTheCanonical44ByteHeaderAndReadsBack() {
        byte[] file = Wav.write(new short[] {1, -2});
        assertThat(HexFormat.of().formatHex(file)).isEqualTo("52494646280000005741564566" + "6d7420100000000100010040"
                + "1f0000803e0000020010006461746104000000" + "0100feff");
        assertThat(Wav.read(file)).containsExactly((short) 1, (short) -2);
    }

    @Test
    void g711WavsAreDecoded() {
        byte[] ulaw = HexFormat.of().parseHex("52494646" + "26000000" + "57415645" + "666d7420" + "12000000"
                + "0700" + "0100" + "401f0000" + "401f0000" + "0100" + "0800" + "0000" + "64617461" + "02000000" + "ff80");
        assertThat(Wav.read(ulaw)).containsExactly((short) 0, (short) 32124);
    }

    @Test
    void otherFormatsAreRefusedSayingWhatTheyAre() {
        byte[] stereo = Wav.write(new short[4]);
        stereo[22] = 2;
        assertThatThrownBy(() -> Wav.read(stereo)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("8000 Hz mono").hasMessageContaining("2 channel(s)");
        byte[] cd = Wav.write(new short[4]);
        cd[24] = 0x44;
        cd[25] = (byte) 0xAC;
        assertThatThrownBy(() -> Wav.read(cd)).hasMessageContaining("44100 Hz");
        assertThatThrownBy(() -> Wav.read("ID3 not a wav".getBytes())).hasMessageContaining("not a WAV");
    }

    @Test
    void aClipLoopsAsManyTimesAsAskedAndLoopZeroForEver() {
        short[] clip = new short[240]; // one and a half frames
        ClipSource twice = new ClipSource(clip, 2);
        int frames = 0;
        while (twice.nextFrame() != null) {
            frames++;
        }
        assertThat(frames).isEqualTo(3);
        ClipSource forever = new ClipSource(clip, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(forever.nextFrame()).isNotNull();
        }
    }
}
