package dev.lifeline.sim.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two sounds the emulator ships (8 kHz mono 16-bit WAVs under {@code src/main/resources/dev/lifeline/sim/media/},
 * made by {@link SoundGenerator}): hold music, heard while queued or held, and an announcement. Also served at
 * {@code /sim/media/<name>.wav} so TwiML can {@code <Play>} them.
 */
public final class BuiltInAudio {

    public static final String HOLD_MUSIC = "hold-music.wav";
    public static final String ANNOUNCEMENT = "announcement.wav";

    private static final short[] HOLD = Wav.read(bytes(HOLD_MUSIC));

    private BuiltInAudio() {
    }

    /** The file as shipped, or null for another name. */
    public static byte[] file(String name) {
        return HOLD_MUSIC.equals(name) || ANNOUNCEMENT.equals(name) ? bytes(name) : null;
    }

    public static short[] holdMusic() {
        return HOLD;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = BuiltInAudio.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in sound " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
