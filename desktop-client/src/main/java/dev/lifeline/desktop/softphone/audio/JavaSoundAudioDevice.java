package dev.lifeline.desktop.softphone.audio;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The machine's microphone and speaker through Java Sound, at 8 kHz mono 16-bit. A device chosen by name that is
 * gone falls back to the system default. Neither side ever blocks the 20 ms media clock: the microphone returns
 * silence until a frame is captured (and drops a backlog beyond {@value #MAX_BACKLOG_FRAMES} frames, so the
 * mouth-to-ear delay cannot creep up), the speaker drops a frame when its buffer is full.
 *
 * <p>Without sound hardware Java Sound throws {@link IllegalArgumentException} ("No line matching … is
 * supported"), a busy device {@link LineUnavailableException} (sip.md §3.3); both become an
 * {@link AudioUnavailableException} with a plain reason.
 */
public final class JavaSoundAudioDevice implements AudioDevice {

    static final int FRAME_BYTES = FRAME_SAMPLES * 2;
    static final int MAX_BACKLOG_FRAMES = 4;
    private static final int LINE_BUFFER_FRAMES = 8;

    private final String microphoneName;
    private final String speakerName;

    /** @param microphoneName a name from {@link JavaSoundDevices#microphones()}, or null for the default */
    public JavaSoundAudioDevice(String microphoneName, String speakerName) {
        this.microphoneName = microphoneName;
        this.speakerName = speakerName;
    }

    @Override
    public String describe() {
        return "Java Sound: " + (microphoneName != null ? microphoneName : "default microphone") + " / "
                + (speakerName != null ? speakerName : "default speaker");
    }

    @Override
    public FrameSource openMicrophone() throws AudioUnavailableException {
        TargetDataLine line;
        try {
            Mixer.Info chosen = microphoneName != null ? JavaSoundDevices.find(microphoneName, TargetDataLine.class)
                    : null;
            line = chosen != null ? AudioSystem.getTargetDataLine(Wav.FORMAT, chosen)
                    : AudioSystem.getTargetDataLine(Wav.FORMAT);
            line.open(Wav.FORMAT, FRAME_BYTES * LINE_BUFFER_FRAMES);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new AudioUnavailableException("no microphone found", e);
        } catch (LineUnavailableException e) {
            throw new AudioUnavailableException("the microphone is in use by another program", e);
        }
        line.start();
        return new Microphone(line);
    }

    @Override
    public FrameSink openSpeaker() throws AudioUnavailableException {
        SourceDataLine line;
        try {
            Mixer.Info chosen = speakerName != null ? JavaSoundDevices.find(speakerName, SourceDataLine.class) : null;
            line = chosen != null ? AudioSystem.getSourceDataLine(Wav.FORMAT, chosen)
                    : AudioSystem.getSourceDataLine(Wav.FORMAT);
            line.open(Wav.FORMAT, FRAME_BYTES * LINE_BUFFER_FRAMES);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new AudioUnavailableException("no speaker found", e);
        } catch (LineUnavailableException e) {
            throw new AudioUnavailableException("the speaker is in use by another program", e);
        }
        line.start();
        return new Speaker(line);
    }

    private static final class Microphone implements FrameSource {
        private final TargetDataLine line;
        private final byte[] buffer = new byte[FRAME_BYTES];

        Microphone(TargetDataLine line) {
            this.line = line;
        }

        @Override
        public short[] read() {
            while (line.available() > FRAME_BYTES * MAX_BACKLOG_FRAMES) {
                line.read(buffer, 0, FRAME_BYTES);
            }
            if (line.available() < FRAME_BYTES) {
                return new short[FRAME_SAMPLES];
            }
            line.read(buffer, 0, FRAME_BYTES);
            return Wav.samples(buffer);
        }

        @Override
        public void close() {
            line.stop();
            line.close();
        }
    }

    private static final class Speaker implements FrameSink {
        private final SourceDataLine line;

        Speaker(SourceDataLine line) {
            this.line = line;
        }

        @Override
        public void write(short[] frame) {
            if (line.available() >= FRAME_BYTES) {
                line.write(Wav.bytes(frame), 0, FRAME_BYTES);
            }
        }

        @Override
        public void close() {
            line.stop();
            line.close();
        }
    }
}
