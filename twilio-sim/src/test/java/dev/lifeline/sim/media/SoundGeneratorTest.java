package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundGeneratorTest {

    @Test
    void theShippedSoundsAreExactlyWhatTheGeneratorMakes() {
        assertThat(BuiltInAudio.file(BuiltInAudio.HOLD_MUSIC)).isEqualTo(Wav.write(SoundGenerator.holdMusic()));
        assertThat(BuiltInAudio.file(BuiltInAudio.ANNOUNCEMENT)).isEqualTo(Wav.write(SoundGenerator.announcement()));
    }

    @Test
    void holdMusicHasNoNoteAtTheTestTones() {
        short[] music = SoundGenerator.holdMusic();
        assertThat(Goertzel.detect(music, 440, Codec.SAMPLE_RATE).hits()).isZero();
        assertThat(Goertzel.detect(music, 1000, Codec.SAMPLE_RATE).hits()).isZero();
        assertThat(Goertzel.detect(music, 261.63, Codec.SAMPLE_RATE).hits()).isGreaterThan(10);
    }
}
