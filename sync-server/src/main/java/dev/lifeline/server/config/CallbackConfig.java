package dev.lifeline.server.config;

import dev.lifeline.server.entry.BusinessHours;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Callbacks (issue 20): where they are stored, who may ask for them from a website, and how they are called.
 *
 * @param databaseUrl      a JDBC URL ({@code jdbc:postgresql://…}); null = H2's embedded file database at
 *                         {@code databasePath}, or (sim mode without a path) an in-memory one
 * @param databasePath     the H2 file (without {@code .mv.db}); null in sim mode = in memory
 * @param websiteSecret    the HMAC-SHA256 key websites sign their requests with; blank = the website API is off
 * @param replayWindow     how far a website request's timestamp may be from now, and how long its signature is remembered
 * @param priority         a scheduled callback's task priority (TaskRouter: higher first)
 * @param hours            when callbacks may be scheduled
 * @param maxAttempts      tries at reaching the customer (busy, no answer, failed) before the callback closes FAILED
 * @param retryBase        the first retry's delay; each next one doubles, up to {@code retryMax}, half of it jittered
 * @param retryWindow      no try starts later than this after the first
 * @param machineMessage   what an answering machine is told (a {@code <Say>})
 * @param recoverySameAgentFirst a customer who hung up during a recovery is called back by the agent they were
 *                         talking to first
 * @param preferredAgentWait how long a callback waits for its preferred agent before anyone may take it
 * @param defaultCountry   the ISO 3166 region a number typed without its country code is in ({@code GB}, {@code US})
 */
public record CallbackConfig(String databaseUrl, String databaseUser, Secret databasePassword, Path databasePath,
                             Secret websiteSecret, Duration replayWindow, int priority, BusinessHours hours,
                             int maxAttempts, Duration retryBase, Duration retryMax, Duration retryWindow,
                             String machineMessage, boolean recoverySameAgentFirst, Duration preferredAgentWait,
                             String defaultCountry) {

    public static final String DEFAULT_MACHINE_MESSAGE = "Hello, this is the contact centre returning your call. "
            + "We are sorry we missed you: we will try again, or please call us back.";

    public static final Path DEFAULT_TWILIO_MODE_PATH = Path.of("lifeline-data", "callbacks");
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_PRIORITY = 50;
    public static final String DEFAULT_HOURS = "Mon-Fri 08:00-18:00";

    static CallbackConfig from(ConfigSource source, boolean twilioMode) {
        String url = source.raw("callbacks.database.url").orElse(null);
        if (url != null && !url.startsWith("jdbc:")) {
            throw source.problem("callbacks.database.url", "must be a JDBC URL (jdbc:postgresql://host:5432/lifeline), got '"
                    + url + "'");
        }
        Path path = source.raw("callbacks.database.path").map(Path::of).orElse(twilioMode ? DEFAULT_TWILIO_MODE_PATH : null);
        Duration window = source.duration("callbacks.website-replay-window", DEFAULT_REPLAY_WINDOW);
        if (window.compareTo(Duration.ofSeconds(30)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw source.problem("callbacks.website-replay-window", "must be between 30s and 1h, got " + window);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(source.string("callbacks.zone", "UTC"));
        } catch (DateTimeException e) {
            throw source.problem("callbacks.zone", "must be a time zone such as Europe/London or UTC: " + e.getMessage());
        }
        BusinessHours hours;
        try {
            hours = BusinessHours.parse(source.string("callbacks.hours", DEFAULT_HOURS), zone);
        } catch (IllegalArgumentException e) {
            throw source.problem("callbacks.hours", e.getMessage());
        }
        if (source.duration("callbacks.retry-max", Duration.ofMinutes(30))
                .compareTo(source.duration("callbacks.retry-base", Duration.ofMinutes(2))) < 0) {
            throw source.problem("callbacks.retry-max", "must be at least callbacks.retry-base");
        }
        return new CallbackConfig(url, source.string("callbacks.database.user", ""),
                new Secret(source.string("callbacks.database.password", "")), path,
                new Secret(source.string("callbacks.website-secret", "")), window,
                source.integer("callbacks.priority", DEFAULT_PRIORITY, 0, Integer.MAX_VALUE), hours,
                source.integer("callbacks.max-attempts", 3, 1, 20), positive(source, "callbacks.retry-base", Duration.ofMinutes(2)),
                positive(source, "callbacks.retry-max", Duration.ofMinutes(30)),
                positive(source, "callbacks.retry-window", Duration.ofHours(4)),
                source.string("callbacks.machine-message", DEFAULT_MACHINE_MESSAGE),
                source.flag("callbacks.recovery-same-agent-first", true),
                positive(source, "callbacks.preferred-agent-wait", Duration.ofMinutes(2)),
                defaultCountry(source));
    }

    private static String defaultCountry(ConfigSource source) {
        String region = source.string("callbacks.default-country", "US").toUpperCase(java.util.Locale.ROOT);
        if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw source.problem("callbacks.default-country", "must be a two-letter country code such as GB or US, got '"
                    + region + "'");
        }
        return region;
    }

    private static Duration positive(ConfigSource source, String key, Duration fallback) {
        Duration value = source.duration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw source.problem(key, "must be longer than zero, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "CallbackConfig[databaseUrl=" + (databaseUrl == null ? null : databaseUrl.replaceAll("[?;].*", ""))
                + ", databasePath=" + databasePath + ", priority=" + priority + ", hours=" + hours.describe() + "]";
    }
}
