package dev.lifeline.desktop.softphone.audio;

/** The loudness of a frame for the input level meter: RMS relative to a full-scale square wave, in dBFS. */
public final class AudioLevel {

    /** What silence reads as (the meter's floor), rather than negative infinity. */
    public static final double SILENCE_DBFS = -96.0;

    private AudioLevel() {
    }

    public static double dbfs(short[] frame) {
        if (frame.length == 0) {
            return SILENCE_DBFS;
        }
        double sum = 0;
        for (short sample : frame) {
            sum += (double) sample * sample;
        }
        double rms = Math.sqrt(sum / frame.length);
        if (rms < 1e-9) {
            return SILENCE_DBFS;
        }
        return Math.max(SILENCE_DBFS, 20 * Math.log10(rms / 32768.0));
    }
}
