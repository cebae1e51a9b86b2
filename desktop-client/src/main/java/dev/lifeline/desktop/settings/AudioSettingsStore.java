package dev.lifeline.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers the audio choice in {@code audio.properties} of the config directory ({@code microphone=},
 * {@code speaker=}; absent = system default). A missing or unreadable file is the default, never an error.
 */
public final class AudioSettingsStore {

    static final String FILE = "audio.properties";
    private final Path file;

    public AudioSettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE);
    }

    public AudioChoice load() {
        if (!Files.isRegularFile(file)) {
            return AudioChoice.SYSTEM_DEFAULT;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return AudioChoice.SYSTEM_DEFAULT;
        }
        return new AudioChoice(blankToNull(properties.getProperty("microphone")),
                blankToNull(properties.getProperty("speaker")));
    }

    public void save(AudioChoice choice) throws IOException {
        Properties properties = new Properties();
        if (choice.microphone() != null) {
            properties.setProperty("microphone", choice.microphone());
        }
        if (choice.speaker() != null) {
            properties.setProperty("speaker", choice.speaker());
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Lifeline desktop: the agent's audio devices");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
