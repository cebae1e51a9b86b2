package dev.lifeline.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the server is told from outside. Loaded once at start by {@link #load(Map)}; see the README's
 * configuration table for every key, its environment variable and its default.
 */
public record ServerConfig(
        Mode mode,
        int httpPort,
        String publicBaseUrl,
        TwilioSettings twilio,
        ClusterSettings cluster,
        AuthSettings auth,
        RecoverySettings recovery) {

    /** {@code sim}: embedded twilio-sim (the default without Twilio credentials); {@code twilio}: a real account. */
    public enum Mode { SIM, TWILIO }

    public record TwilioSettings(String accountSid, Secret authToken, String workspaceSid,
                                 String voiceWorkflowSid, String pingWorkflowSid) {
        @Override
        public String toString() {
            return "TwilioSettings[accountSid=" + accountSid + ", workspaceSid=" + workspaceSid + "]";
        }
    }

    /**
     * @param members        the TCP-IP member list, naming every member of the cluster (this one included)
     * @param minClusterSize split-brain protection: the recovery-state maps refuse reads and writes on a side of a
     *                       partition with fewer members than this; 1 turns the protection off
     */
    public record ClusterSettings(String name, int port, List<String> members, int backupCount, int minClusterSize) {

        public ClusterSettings {
            members = List.copyOf(members);
            if (minClusterSize < 1) {
                throw new IllegalArgumentException("minClusterSize must be at least 1, got " + minClusterSize);
            }
        }

        /** Without split-brain protection: for members started by hand (tests, tools), not from configuration. */
        public ClusterSettings(String name, int port, List<String> members, int backupCount) {
            this(name, port, members, backupCount, 1);
        }

        /**
         * The default minimum: a strict majority of the listed members, so at most one side of a partition keeps
         * accepting writes; 1 for a single server (an empty list or one entry), which must keep working alone.
         */
        public static int majorityOf(List<String> members) {
            return members.size() <= 1 ? 1 : members.size() / 2 + 1;
        }
    }

    public record AuthSettings(Secret tokenSecret, Duration tokenTtl, Path usersFile) {
    }

    /**
     * @param incidentRetention   how long a finished incident is kept before it expires
     * @param conferenceRetention how long an ended conference is kept before it expires
     */
    public record RecoverySettings(Duration pingTtl, int pingPriority, int reconnectPriority,
                                   Duration deadline, Duration presenceGrace, String announceUrl, String holdMusicUrl,
                                   Duration incidentRetention, Duration conferenceRetention) {

        /**
         * A requeued customer whose third party still waits in the old conference is brought together by whichever
         * agent accepts the requeued task, through the finished incident, and TaskRouter keeps a task up to its
         * default Timeout of 24 h; a day also covers Event Streams' 4 h of retries and the day {@code seen} dedupes.
         */
        public static final Duration DEFAULT_INCIDENT_RETENTION = Duration.ofHours(24);
        /**
         * Nothing arrives for an ended conference after Voice's 15 s of callback retries, and the rebuild needs only
         * live ones: an hour is a wide margin and keeps the last hour's calls, not the last day's.
         */
        public static final Duration DEFAULT_CONFERENCE_RETENTION = Duration.ofHours(1);
    }

    /** Reads {@code LIFELINE_CONFIG} (a properties file, optional) and the environment. */
    public static ServerConfig load(Map<String, String> environment) {
        String file = environment.get("LIFELINE_CONFIG");
        return from(ConfigSource.of(environment, file == null || file.isBlank() ? null : Path.of(file)));
    }

    public static ServerConfig from(ConfigSource source) {
        String accountSid = source.string("twilio.account-sid", "");
        String authToken = source.string("twilio.auth-token", "");
        Mode mode = mode(source, !accountSid.isEmpty() && !authToken.isEmpty());
        if (mode == Mode.TWILIO) {
            if (!accountSid.startsWith("AC") || accountSid.length() != 34) {
                throw source.problem("twilio.account-sid", "must be an account SID (AC followed by 32 hex digits)");
            }
            source.required("twilio.auth-token");
            source.required("public-base-url");
        }
        int httpPort = source.integer("http.port", 8080, 0, 65_535);
        String publicBaseUrl = trimSlash(source.string("public-base-url", "http://localhost:" + httpPort));
        if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
            throw source.problem("public-base-url", "must start with http:// or https://, got '" + publicBaseUrl + "'");
        }
        TwilioSettings twilio = new TwilioSettings(accountSid, new Secret(authToken),
                source.string("twilio.workspace-sid", ""), source.string("twilio.voice-workflow-sid", ""),
                source.string("twilio.ping-workflow-sid", ""));
        List<String> members = source.list("cluster.members");
        ClusterSettings cluster = new ClusterSettings(source.string("cluster.name", "lifeline"),
                source.integer("cluster.port", 5701, 0, 65_535), members,
                source.integer("cluster.backup-count", 1, 0, 6), minClusterSize(source, members));
        String tokenSecret = source.string("auth.token-secret", "");
        if (mode == Mode.TWILIO && tokenSecret.length() < 32) {
            throw source.problem("auth.token-secret", "must be at least 32 characters in twilio mode");
        }
        String usersFile = source.string("auth.users-file", "");
        AuthSettings auth = new AuthSettings(new Secret(tokenSecret), source.duration("auth.token-ttl", Duration.ofMinutes(15)),
                usersFile.isEmpty() ? null : Path.of(usersFile));
        Duration deadline = source.duration("recovery.deadline", Duration.ofSeconds(120));
        RecoverySettings recovery = new RecoverySettings(
                source.duration("recovery.ping-ttl", Duration.ofSeconds(15)),
                source.integer("recovery.ping-priority", 1000, 0, Integer.MAX_VALUE),
                source.integer("recovery.reconnect-priority", 1000, 0, Integer.MAX_VALUE),
                deadline,
                source.duration("presence.grace", Duration.ofSeconds(30)),
                source.string("recovery.announce-url", publicBaseUrl + "/media/connection-interrupted.mp3"),
                source.string("recovery.hold-music-url", publicBaseUrl + "/media/hold-music.mp3"),
                retention(source, "recovery.retention", RecoverySettings.DEFAULT_INCIDENT_RETENTION, deadline),
                retention(source, "conference.retention", RecoverySettings.DEFAULT_CONFERENCE_RETENTION, deadline));
        return new ServerConfig(mode, httpPort, publicBaseUrl, twilio, cluster, auth, recovery);
    }

    /**
     * Longer than the watchdog deadline: a split-brain merge can hand a live record the expiry of the other side's
     * finished copy (see {@code engine.RetentionAfterMerge}), and the watchdog ends every recovery well before then.
     */
    private static Duration retention(ConfigSource source, String key, Duration fallback, Duration deadline) {
        Duration retention = source.duration(key, fallback);
        if (retention.compareTo(deadline) <= 0) {
            throw source.problem(key, "must be longer than recovery.deadline (" + deadline + "), got " + retention);
        }
        return retention;
    }

    /** More than the listed members could never be reached: every write would be refused forever. */
    private static int minClusterSize(ConfigSource source, List<String> members) {
        int listed = Math.max(1, members.size());
        int minimum = source.integer("cluster.min-size", ClusterSettings.majorityOf(members), Integer.MIN_VALUE,
                Integer.MAX_VALUE);
        if (minimum < 1) {
            throw source.problem("cluster.min-size", "must be at least 1 (1 turns split-brain protection off), got " + minimum);
        }
        if (minimum > listed) {
            throw source.problem("cluster.min-size", "cannot exceed the " + listed + " member(s) of cluster.members, got "
                    + minimum);
        }
        return minimum;
    }

    private static Mode mode(ConfigSource source, boolean hasCredentials) {
        String text = source.string("mode", hasCredentials ? "twilio" : "sim");
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "sim" -> Mode.SIM;
            case "twilio" -> Mode.TWILIO;
            default -> throw source.problem("mode", "must be 'sim' or 'twilio', got '" + text + "'");
        };
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
