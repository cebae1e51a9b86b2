package dev.lifeline.sim.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conference mix with three tones: who hears whom, proved by Goertzel detection. */
class MixerAndToneTest {

    private static final int TICKS = 50;

    /** Runs the mix for a second and returns what each party heard, decoded through PCMU as the wire would carry it. */
    private static short[][] heard(boolean[] audible, double... tones) {
        return heardWithCoach(audible, null, tones);
    }

    /** As {@link #heard(boolean[], double...)}, with who alone hears each party (null: everyone hears everyone). */
    private static short[][] heardWithCoach(boolean[] audible, int[] onlyHeardBy, double... tones) {
        ToneGenerator[] sources = new ToneGenerator[tones.length];
        for (int i = 0; i < tones.length; i++) {
            sources[i] = new ToneGenerator(tones[i], 0.3);
        }
        short[][] heard = new short[tones.length][TICKS * Codec.FRAME_SAMPLES];
        for (int tick = 0; tick < TICKS; tick++) {
            short[][] in = new short[tones.length][];
            for (int i = 0; i < tones.length; i++) {
                in[i] = sources[i].nextFrame();
            }
            short[][] out = ConferenceMix.mix(in, audible, onlyHeardBy);
            for (int i = 0; i < tones.length; i++) {
                short[] wire = G711.decode(Codec.PCMU, G711.encode(Codec.PCMU, out[i]), 0, Codec.FRAME_SAMPLES);
                System.arraycopy(wire, 0, heard[i], tick * Codec.FRAME_SAMPLES, Codec.FRAME_SAMPLES);
            }
        }
        return heard;
    }

    /** A tone in a sum of three still carries a sizeable share (about 1/3) of the block's energy. */
    private static boolean hears(short[] audio, double frequency) {
        return Goertzel.power(audio, 0, audio.length, frequency, 8000) > 0.05;
    }

    @Test
    void aSingleToneIsDetectedInEveryBlockAndAnotherFrequencyInNone() {
        short[] tone = ToneGenerator.samples(1000, 0.5, 1);
        assertThat(Goertzel.detect(tone, 1000, 8000).ratio()).isEqualTo(1.0);
        assertThat(Goertzel.detect(tone, 440, 8000).hits()).isZero();
        assertThat(Goertzel.detect(new short[8000], 1000, 8000).sounding()).isZero();
    }

    @Test
    void eachPartyHearsTheOthersButNotItself() {
        short[][] heard = heard(new boolean[] {true, true, true}, 440, 1000, 1600);
        assertThat(hears(heard[0], 1000)).isTrue();
        assertThat(hears(heard[0], 1600)).isTrue();
        assertThat(hears(heard[0], 440)).isFalse();
        assertThat(hears(heard[1], 440)).isTrue();
        assertThat(hears(heard[1], 1000)).isFalse();
        assertThat(hears(heard[2], 1600)).isFalse();
    }

    @Test
    void aPartyThatIsNotAudibleIsHeardByNobodyButStillHearsTheOthers() {
        short[][] heard = heard(new boolean[] {true, false, true}, 440, 1000, 1600);
        assertThat(hears(heard[0], 1000)).isFalse();
        assertThat(hears(heard[2], 1000)).isFalse();
        assertThat(hears(heard[1], 440)).isTrue();
        assertThat(hears(heard[1], 1600)).isTrue();
    }

    @Test
    void twoPartiesHearExactlyEachOthersTone() {
        short[][] heard = heard(new boolean[] {true, true}, 1000, 440);
        assertThat(Goertzel.detect(heard[0], 440, 8000).ratio()).isGreaterThan(0.95);
        assertThat(Goertzel.detect(heard[0], 1000, 8000).hits()).isZero();
        assertThat(Goertzel.detect(heard[1], 1000, 8000).ratio()).isGreaterThan(0.95);
    }

    // Customer 1000 Hz (index 0), agent 440 Hz (1), supervisor 1600 Hz (2) coaching the agent.
    private static final int[] SUPERVISOR_COACHES_AGENT = {ConferenceMix.EVERYONE, ConferenceMix.EVERYONE, 1};

    @Test
    void aCoachIsHeardOnlyByThePartyItCoachesAndHearsEveryone() {
        short[][] heard = heardWithCoach(new boolean[] {true, true, true}, SUPERVISOR_COACHES_AGENT, 1000, 440, 1600);
        assertThat(hears(heard[1], 1600)).as("the agent hears the whisper").isTrue();
        assertThat(hears(heard[1], 1000)).as("and the customer").isTrue();
        assertThat(hears(heard[0], 1600)).as("the customer never hears the coach").isFalse();
        assertThat(hears(heard[0], 440)).isTrue();
        assertThat(hears(heard[2], 1000)).as("the coach hears the customer").isTrue();
        assertThat(hears(heard[2], 440)).as("and the agent").isTrue();
        assertThat(hears(heard[2], 1600)).as("but not itself").isFalse();
    }

    @Test
    void aMutedCoachIsHeardByNobodyButHearsEveryone() {
        short[][] heard = heardWithCoach(new boolean[] {true, true, false}, SUPERVISOR_COACHES_AGENT, 1000, 440, 1600);
        assertThat(hears(heard[0], 1600)).isFalse();
        assertThat(hears(heard[1], 1600)).isFalse();
        assertThat(hears(heard[2], 1000)).isTrue();
        assertThat(hears(heard[2], 440)).isTrue();
    }

    @Test
    void aCoachWhosePartyIsNotInTheRoomIsHeardByNobody() {
        short[][] heard = heardWithCoach(new boolean[] {true, true, true},
                new int[] {ConferenceMix.EVERYONE, ConferenceMix.EVERYONE, ConferenceMix.NOBODY}, 1000, 440, 1600);
        assertThat(hears(heard[0], 1600)).isFalse();
        assertThat(hears(heard[1], 1600)).isFalse();
        assertThat(hears(heard[0], 440)).isTrue();
    }

    @Test
    void theCoachedPartyHearsItsCoachOnTopOfTheOthersWithoutHearingItself() {
        short[][] heard = heardWithCoach(new boolean[] {true, true, true}, SUPERVISOR_COACHES_AGENT, 1000, 440, 1600);
        assertThat(hears(heard[1], 440)).isFalse();
    }

    @Test
    void loudSumsSaturateInsteadOfWrappingAround() {
        short[] loud = new short[160];
        java.util.Arrays.fill(loud, (short) 30000);
        short[][] out = ConferenceMix.mix(new short[][] {loud, loud, loud}, new boolean[] {true, true, true});
        assertThat(out[0]).containsOnly((short) 32767);
    }
}
