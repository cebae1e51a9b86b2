package dev.lifeline.desktop.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the desktop keeps what the agent chose on this computer (audio devices, phone settings): the platform's
 * per-user config folder — {@code %APPDATA%\Lifeline} on Windows, {@code ~/Library/Application Support/Lifeline}
 * on macOS, {@code $XDG_CONFIG_HOME/lifeline} (default {@code ~/.config/lifeline}) elsewhere.
 */
public final class ConfigDirectory {

    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

    private ConfigDirectory() {
    }

    public static Path forCurrentUser() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    /**
     * A file of one user's in {@code directory}: {@code <prefix>-<identity>.txt}, the identity made safe for a file
     * name, so two agents sharing a computer never read each other's.
     */
    public static Path perUserFile(Path directory, String prefix, String identity) {
        return directory.resolve(prefix + "-" + UNSAFE_IN_FILE_NAME.matcher(identity).replaceAll("_") + ".txt");
    }

    static Path resolve(String osName, String home, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && environment.get("APPDATA") != null) {
            return Path.of(environment.get("APPDATA"), "Lifeline");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Lifeline");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "lifeline") : Path.of(home, ".config", "lifeline");
    }
}
