package dev.lifeline.sim.media;

/**
 * One 20 ms tick of a conference: each party hears the sum of the others it can hear (never itself), saturated to
 * 16 bits. A party that is not {@code audible} (muted, or on hold) is heard by nobody. A coach (Twilio's
 * {@code Coaching=true}) hears everyone but is heard only by the one party it coaches ({@code CallSidToCoach}: "the
 * participant being coached is the only participant who can hear the participant who is coaching"). Pure: arrays in,
 * arrays out.
 */
public final class ConferenceMix {

    /** {@code onlyHeardBy} value of a party everyone hears. */
    public static final int EVERYONE = -1;
    /** {@code onlyHeardBy} value of a coach whose party is not in the room: it has nobody to be heard by. */
    public static final int NOBODY = -2;

    private ConferenceMix() {
    }

    /**
     * Everyone hears everyone audible.
     *
     * @param inputs  each party's frame this tick (null = silence), all {@link Codec#FRAME_SAMPLES} long
     * @param audible whether each party is heard by the others
     * @return what each party hears, index for index
     */
    public static short[][] mix(short[][] inputs, boolean[] audible) {
        return mix(inputs, audible, null);
    }

    /**
     * @param onlyHeardBy for each party, {@link #EVERYONE}, the index of the one party that alone hears it (a coach),
     *                    or {@link #NOBODY}; null = everyone hears every party
     */
    public static short[][] mix(short[][] inputs, boolean[] audible, int[] onlyHeardBy) {
        int parties = inputs.length;
        int[] total = new int[Codec.FRAME_SAMPLES];
        int[][] whispered = new int[parties][];
        for (int p = 0; p < parties; p++) {
            if (!audible[p] || inputs[p] == null) {
                continue;
            }
            int listener = onlyHeardBy == null ? EVERYONE : onlyHeardBy[p];
            if (listener == EVERYONE) {
                add(total, inputs[p]);
            } else if (listener >= 0 && listener < parties && listener != p) {
                if (whispered[listener] == null) {
                    whispered[listener] = new int[Codec.FRAME_SAMPLES];
                }
                add(whispered[listener], inputs[p]);
            }
        }
        short[][] out = new short[parties][];
        for (int p = 0; p < parties; p++) {
            short[] heard = new short[Codec.FRAME_SAMPLES];
            boolean inTotal = audible[p] && (onlyHeardBy == null || onlyHeardBy[p] == EVERYONE);
            short[] own = inTotal ? inputs[p] : null;
            int[] coach = whispered[p];
            for (int i = 0; i < heard.length; i++) {
                int sample = own == null ? total[i] : total[i] - own[i];
                heard[i] = saturate(coach == null ? sample : sample + coach[i]);
            }
            out[p] = heard;
        }
        return out;
    }

    private static void add(int[] sum, short[] frame) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += frame[i];
        }
    }

    static short saturate(int sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
