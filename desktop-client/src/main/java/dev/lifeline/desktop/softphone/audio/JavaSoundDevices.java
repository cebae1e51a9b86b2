package dev.lifeline.desktop.softphone.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The sound devices Java Sound offers in the softphone's format, by mixer name. On a machine without sound
 * hardware both lists are empty (sip.md §3.3).
 */
public final class JavaSoundDevices implements AudioDeviceCatalog {

    @Override
    public List<String> microphones() {
        return namesSupporting(TargetDataLine.class);
    }

    @Override
    public List<String> speakers() {
        return namesSupporting(SourceDataLine.class);
    }

    static Mixer.Info find(String name, Class<? extends Line> lineType) {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(name) && supports(info, lineType)) {
                return info;
            }
        }
        return null;
    }

    private static List<String> namesSupporting(Class<? extends Line> lineType) {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (supports(info, lineType) && !names.contains(info.getName())) {
                names.add(info.getName());
            }
        }
        return names;
    }

    private static boolean supports(Mixer.Info info, Class<? extends Line> lineType) {
        try {
            return AudioSystem.getMixer(info).isLineSupported(new DataLine.Info(lineType, Wav.FORMAT));
        } catch (IllegalArgumentException | SecurityException e) {
            return false;
        }
    }
}
