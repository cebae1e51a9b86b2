package dev.lifeline.sim.media;

/**
 * One 20 ms tick of a conference: each party hears the sum of the others it can hear (never itself), saturated to
 * 16 bits. A party that is not {@code audible} (muted, or on hold) is heard by nobody. Pure: arrays in, arrays out.
 */
public final class ConferenceMix {

    private ConferenceMix() {
    }

    /**
     * @param inputs  each party's frame this tick (null = silence), all {@link Codec#FRAME_SAMPLES} long
     * @param audible whether each party is heard by the others
     * @return what each party hears, index for index
     */
    public static short[][] mix(short[][] inputs, boolean[] audible) {
        int parties = inputs.length;
        int[] total = new int[Codec.FRAME_SAMPLES];
        for (int p = 0; p < parties; p++) {
            if (audible[p] && inputs[p] != null) {
                short[] in = inputs[p];
                for (int i = 0; i < total.length; i++) {
                    total[i] += in[i];
                }
            }
        }
        short[][] out = new short[parties][];
        for (int p = 0; p < parties; p++) {
            short[] heard = new short[Codec.FRAME_SAMPLES];
            short[] own = audible[p] ? inputs[p] : null;
            for (int i = 0; i < heard.length; i++) {
                heard[i] = saturate(own == null ? total[i] : total[i] - own[i]);
            }
            out[p] = heard;
        }
        return out;
    }

    static short saturate(int sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
