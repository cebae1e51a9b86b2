package dev.lifeline.desktop.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop keeps what the agent chose on this computer (audio devices, phone settings): the platform's
 * per-user config folder — {@code %APPDATA%\Lifeline} on Windows, {@code ~/Library/Application Support/Lifeline}
 * on macOS, {@code $XDG_CONFIG_HOME/lifeline} (default {@code ~/.config/lifeline}) elsewhere.
 */
public final class ConfigDirectory {

    private ConfigDirectory() {
    }

    public static Path forCurrentUser() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
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
