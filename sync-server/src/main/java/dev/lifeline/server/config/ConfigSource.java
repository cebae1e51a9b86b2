package dev.lifeline.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw settings from the environment and an optional properties file. A key such as
 * {@code http.port} is read from the environment variable {@code LIFELINE_HTTP_PORT} first, then
 * from the file. Every typed getter fails with one line naming the origin and the key.
 */
public final class ConfigSource {

    private final Map<String, String> environment;
    private final Properties file = new Properties();
    private final String fileName;

    private ConfigSource(Map<String, String> environment, Path path) {
        this.environment = environment;
        this.fileName = path == null ? null : path.toString();
        if (path != null) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (NoSuchFileException e) {
                throw new ConfigException(path + ": config file not found");
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(path + ": cannot read config file: " + e.getMessage());
            }
        }
    }

    /** @param configFile the file named by {@code LIFELINE_CONFIG}, or null for environment only */
    public static ConfigSource of(Map<String, String> environment, Path configFile) {
        return new ConfigSource(environment, configFile);
    }

    /** {@code twilio.account-sid} → {@code TWILIO_ACCOUNT_SID} (Twilio's usual names); others get a {@code LIFELINE_} prefix. */
    public static String environmentName(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return key.startsWith("twilio.") ? name : "LIFELINE_" + name;
    }

    public Optional<String> raw(String key) {
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }

    public String string(String key, String fallback) {
        return raw(key).orElse(fallback);
    }

    public String required(String key) {
        return raw(key).orElseThrow(() -> problem(key, "is required but not set"));
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw problem(key, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw problem(key, "expected a whole number, got '" + value.get() + "'");
        }
    }

    /** Durations as {@code 15s}, {@code 2m}, {@code 24h}, {@code 500ms} or ISO-8601 {@code PT15S}. */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(value.get());
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(value.get());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw problem(key, "expected a duration such as 15s, 2m, 24h or 500ms, got '" + value.get() + "'");
        }
    }

    public List<String> list(String key) {
        List<String> items = new ArrayList<>();
        raw(key).ifPresent(v -> {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        });
        return items;
    }

    public ConfigException problem(String key, String what) {
        boolean fromEnvironment = environment.containsKey(environmentName(key));
        String origin = fromEnvironment ? "environment " + environmentName(key) : (fileName != null ? fileName : "config");
        return new ConfigException(origin + ": " + key + " " + what);
    }
}
