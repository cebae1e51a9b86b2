package dev.lifeline.desktop.dialpad;

import dev.lifeline.desktop.settings.ConfigDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers an agent called last on this computer, newest first, at most {@link #LIMIT}: one small text file per
 * user in the desktop's config folder ({@code recent-numbers-<user>.txt}), so two agents sharing a computer never
 * see each other's customers. A file that cannot be read is an empty list, never an error.
 */
public final class RecentNumbers {

    public static final int LIMIT = 10;

    private final Path file;

    public RecentNumbers(Path configDirectory, String identity) {
        this.file = ConfigDirectory.perUserFile(configDirectory, "recent-numbers", identity);
    }

    public List<String> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).distinct().limit(LIMIT).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Puts {@code number} first (once) and keeps the newest {@link #LIMIT}; @return the new list. */
    public List<String> remember(String number) throws IOException {
        List<String> numbers = new ArrayList<>(load());
        numbers.remove(number);
        numbers.add(0, number);
        List<String> kept = List.copyOf(numbers.subList(0, Math.min(LIMIT, numbers.size())));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, kept, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }
}
