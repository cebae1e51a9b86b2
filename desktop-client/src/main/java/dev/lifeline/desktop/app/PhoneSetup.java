package dev.lifeline.desktop.app;

import dev.lifeline.desktop.settings.AudioSettingsStore;
import dev.lifeline.desktop.settings.ConfigDirectory;
import dev.lifeline.desktop.settings.RememberedAudioDevice;
import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.FileAudioDevice;
import dev.lifeline.desktop.softphone.audio.NullAudioDevice;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * This machine's side of the softphone, as opposed to the SIP account (which the server hands over): where it
 * listens ({@link SipOptions} from {@code phone.properties}) and what it hears and speaks through.
 *
 * @param options the SIP and RTP settings
 * @param audio   a fixed device ({@code --audio}), or null for the devices the agent chose in the audio settings
 */
record PhoneSetup(SipOptions options, AudioDevice audio) {

    static final String SETTINGS_FILE = "phone.properties";

    /**
     * @param audio        {@code none}, {@code tone:HZ} or a WAV file (8 kHz mono 16-bit) played into calls; null
     *                     for the remembered Java Sound devices
     * @param record       a WAV file that records what the agent hears (only with {@code audio})
     * @param settingsFile a properties file of {@link SipOptions#from} keys; null for {@value #SETTINGS_FILE} of the
     *                     config folder when it exists
     * @throws IllegalArgumentException one line saying what is wrong
     */
    static PhoneSetup parse(String audio, String record, String settingsFile) {
        if (record != null && audio == null) {
            throw new IllegalArgumentException("--audio-record needs --audio (a file or tone device records; "
                    + "the sound card does not)");
        }
        return new PhoneSetup(options(settingsFile), audio == null ? null : device(audio, path(record, "--audio-record")));
    }

    /** The SIP softphone with these settings. */
    DesktopConfig.SoftphoneFactory softphones() {
        AudioDevice device = audio != null ? audio
                : new RememberedAudioDevice(new AudioSettingsStore(ConfigDirectory.forCurrentUser()));
        return DesktopConfig.SoftphoneFactory.sip(options, device);
    }

    private static SipOptions options(String settingsFile) {
        Path file = settingsFile != null ? path(settingsFile, "--phone-settings")
                : ConfigDirectory.forCurrentUser().resolve(SETTINGS_FILE);
        if (settingsFile == null && !Files.isRegularFile(file)) {
            return SipOptions.defaults();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("phone settings " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return SipOptions.from(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static AudioDevice device(String spec, Path record) {
        if (spec.equals("none")) {
            if (record != null) {
                throw new IllegalArgumentException("--audio none records nothing; use --audio tone:HZ or a WAV file");
            }
            return new NullAudioDevice();
        }
        if (spec.startsWith("tone:")) {
            try {
                double hertz = Double.parseDouble(spec.substring(5));
                if (hertz <= 0 || hertz >= AudioDevice.SAMPLE_RATE / 2.0) {
                    throw new NumberFormatException();
                }
                return FileAudioDevice.tone(hertz, record);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--audio tone:HZ needs a frequency between 0 and 4000 Hz, not '"
                        + spec.substring(5) + "'");
            }
        }
        try {
            return FileAudioDevice.playing(path(spec, "--audio"), record);
        } catch (IOException e) {
            throw new IllegalArgumentException("--audio " + spec + ": not a readable 8 kHz mono 16-bit WAV file ("
                    + e.getMessage() + ")");
        }
    }

    private static Path path(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " " + text + " is not a file name");
        }
    }

    @Override
    public String toString() {
        return "PhoneSetup[" + options + ", audio=" + (audio != null ? audio.describe() : "remembered devices") + "]";
    }
}
