package dev.lifeline.server.config;

import dev.lifeline.server.recovery.RecoveryStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        RecoverySettings recovery,
        HttpSettings http,
        List<AddressRange> trustedProxies,
        SipConfig sip,
        String outboundCallerId,
        dev.lifeline.server.entry.EntrySettings entry,
        dev.lifeline.server.routing.RoutingPlan routing,
        CallbackConfig callbacks,
        SupervisorConfig supervisor,
        Duration transferQueueTimeout) {

    /** Sim mode's caller ID for agents' outbound calls when {@code outbound.caller-id} is not set. */
    public static final String SIM_CALLER_ID = "+15559990000";

    /** {@code sim}: embedded twilio-sim (the default without Twilio credentials); {@code twilio}: a real account. */
    public enum Mode { SIM, TWILIO }

    /**
     * The listeners (see {@link HttpListeners}).
     *
     * @param host                 address of the public listener (webhooks, desktop API); loopback by default
     * @param tlsTerminatedByProxy the operator's statement that only a TLS-terminating proxy reaches {@code host}
     * @param managementHost       address of the management listener ({@code /health} in full, {@code /metrics})
     * @param managementPort       its port; 0 picks a free one
     */
    public record HttpSettings(String host, boolean tlsTerminatedByProxy, String managementHost, int managementPort) {

        public boolean publicListenerIsLoopback() {
            return LocalAddress.isLoopbackHost(host);
        }
    }

    /**
     * @param baseUrl where the Twilio API is, when it is not Twilio's own: in sim mode a twilio-sim that the
     *                members of a cluster share (stand-alone, or another member's embedded one), null = embed one;
     *                in twilio mode a Twilio-compatible endpoint (tests, private deployments), null = Twilio
     */
    public record TwilioSettings(String accountSid, Secret authToken, String workspaceSid,
                                 String voiceWorkflowSid, String pingWorkflowSid, String baseUrl) {

        @Override
        public String toString() {
            return "TwilioSettings[accountSid=" + accountSid + ", workspaceSid=" + workspaceSid
                    + (baseUrl != null ? ", baseUrl=" + baseUrl : "") + "]";
        }
    }

    /**
     * @param members        the TCP-IP member list, naming every member of the cluster (this one included)
     * @param minClusterSize split-brain protection: the recovery-state maps refuse reads and writes on a side of a
     *                       partition with fewer members than this; 1 turns the protection off
     * @param bindInterface  the one address of this machine the member port listens on: loopback for a cluster on
     *                       one host, else this server's address on the private cluster network
     */
    public record ClusterSettings(String name, int port, List<String> members, int backupCount, int minClusterSize,
                                  String bindInterface) {

        /** Where a member listens when every listed member is on this host. */
        public static final String LOOPBACK = "127.0.0.1";

        public ClusterSettings {
            members = List.copyOf(members);
            if (minClusterSize < 1) {
                throw new IllegalArgumentException("minClusterSize must be at least 1, got " + minClusterSize);
            }
            java.util.Objects.requireNonNull(bindInterface, "bindInterface");
        }

        /** Bound to loopback: for members started by hand (tests, tools), not from configuration. */
        public ClusterSettings(String name, int port, List<String> members, int backupCount, int minClusterSize) {
            this(name, port, members, backupCount, minClusterSize, LOOPBACK);
        }

        /** Without split-brain protection: for members started by hand (tests, tools), not from configuration. */
        public ClusterSettings(String name, int port, List<String> members, int backupCount) {
            this(name, port, members, backupCount, 1);
        }

        /** A member entry ({@code host} or {@code host:port}) on this host. */
        public static boolean isLoopback(String member) {
            return member.startsWith("127.") || member.startsWith("localhost") || member.startsWith("[::1]");
        }

        /**
         * The default minimum: a strict majority of the listed members, so at most one side of a partition keeps
         * accepting writes; 1 for a single server (an empty list or one entry), which must keep working alone.
         */
        public static int majorityOf(List<String> members) {
            return members.size() <= 1 ? 1 : members.size() / 2 + 1;
        }
    }

    /**
     * @param sessionMaxAge how long a sign-in lasts at most: refreshing a token never takes its session past this age
     * @param resumeMaxAge  how long after a password sign-in the desktop may sign in again by itself (its device's
     *                      resume credentials end then, however often they were used)
     */
    public record AuthSettings(Secret tokenSecret, Duration tokenTtl, Path usersFile, Duration sessionMaxAge,
                               Duration resumeMaxAge) {
        public static final Duration MIN_TOKEN_TTL = Duration.ofMinutes(1);
        public static final Duration MAX_TOKEN_TTL = Duration.ofHours(1);
        public static final Duration DEFAULT_SESSION_MAX_AGE = Duration.ofHours(12);
        public static final Duration MAX_SESSION_MAX_AGE = Duration.ofDays(7);
        public static final Duration DEFAULT_RESUME_MAX_AGE = Duration.ofDays(30);
        public static final Duration MIN_RESUME_MAX_AGE = Duration.ofHours(1);
        public static final Duration MAX_RESUME_MAX_AGE = Duration.ofDays(365);
    }

    /**
     * @param incidentRetention   how long a finished incident is kept before it expires
     * @param conferenceRetention how long an ended conference is kept before it expires
     */
    public record RecoverySettings(Duration pingTtl, int pingPriority, int reconnectPriority,
                                   Duration deadline, Duration presenceGrace, String announceUrl, String holdMusicUrl,
                                   Duration incidentRetention, Duration conferenceRetention, Duration legGrace,
                                   RecoveryStrategy strategy) {

        /**
         * Desktops heartbeat every 5 s: 12 s is two lost heartbeats plus a WebSocket reconnect's couple of seconds, so a
         * blip keeps the call, and a dead desktop's leg still ends within a ping TTL (15 s) of the crash, long before
         * the 30 s or more Twilio's SIP side takes (undocumented for SIP Domains; 32 s and 300 s are what its other
         * products document or were seen to take).
         */
        public static final Duration DEFAULT_LEG_GRACE = Duration.ofSeconds(12);

        /** Without a strategy named: {@code requeue}, the path every suite and figure was measured on first. */
        public RecoverySettings {
            strategy = strategy == null ? DEFAULT_STRATEGY : strategy;
        }

        public static final RecoveryStrategy DEFAULT_STRATEGY = RecoveryStrategy.REQUEUE;

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
        Mode mode = mode(source, accountSid, authToken);
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
                source.string("twilio.ping-workflow-sid", ""), twilioBaseUrl(source, mode));
        List<String> members = source.list("cluster.members");
        ClusterSettings cluster = new ClusterSettings(source.string("cluster.name", "lifeline"),
                source.integer("cluster.port", 5701, 0, 65_535), members,
                source.integer("cluster.backup-count", 1, 0, 6), minClusterSize(source, members),
                ClusterInterface.of(source, members));
        AuthSettings auth = auth(source, mode);
        Duration deadline = source.duration("recovery.deadline", Duration.ofSeconds(120));
        RecoverySettings recovery = new RecoverySettings(
                source.duration("recovery.ping-ttl", Duration.ofSeconds(15)),
                source.integer("recovery.ping-priority", 1000, 0, Integer.MAX_VALUE),
                source.integer("recovery.reconnect-priority", 1000, 0, Integer.MAX_VALUE),
                deadline,
                source.duration("presence.grace", Duration.ofSeconds(30)),
                source.string("recovery.announce-url", "/media/connection-interrupted.wav"),
                source.string("recovery.hold-music-url", "/media/hold-music.wav"),
                retention(source, "recovery.retention", RecoverySettings.DEFAULT_INCIDENT_RETENTION, deadline),
                retention(source, "conference.retention", RecoverySettings.DEFAULT_CONFERENCE_RETENTION, deadline),
                legGrace(source), strategy(source));
        return new ServerConfig(mode, httpPort, publicBaseUrl, twilio, cluster, auth, recovery,
                HttpListeners.of(source, mode, httpPort, publicBaseUrl), trustedProxies(source), SipConfig.from(source, httpPort,
                mode == Mode.TWILIO, auth.usersFile()), outboundCallerId(source, mode),
                CallEntryConfig.from(source, recovery.reconnectPriority()), CallEntryConfig.routing(source),
                CallbackConfig.from(source, mode == Mode.TWILIO),
                SupervisorConfig.from(source), transferQueueTimeout(source));
    }

    /** Issue 18: how long a customer transferred to a queue waits for someone to take them before coming back. */
    public static final Duration DEFAULT_TRANSFER_QUEUE_TIMEOUT = Duration.ofSeconds(120);

    private static Duration transferQueueTimeout(ConfigSource source) {
        Duration timeout = source.duration("transfer.queue-timeout", DEFAULT_TRANSFER_QUEUE_TIMEOUT);
        // TaskRouter's task Timeout is whole seconds; under 10 s no agent could take the offer before it goes.
        if (timeout.toSeconds() < 10 || timeout.toSeconds() > Duration.ofDays(1).toSeconds()) {
            throw source.problem("transfer.queue-timeout", "must be between 10s and 24h, got " + timeout.toSeconds() + "s");
        }
        return timeout;
    }

    /**
     * The number the called party sees on an agent's outbound call: a Twilio number of the account or a verified
     * caller ID (Twilio refuses any other {@code From}). Twilio mode has none by default, and then outbound calls are
     * refused with a clear 409 rather than failing at Twilio.
     */
    private static String outboundCallerId(ConfigSource source, Mode mode) {
        String callerId = source.string("outbound.caller-id", mode == Mode.SIM ? SIM_CALLER_ID : "").strip();
        if (!callerId.isEmpty() && !dev.lifeline.model.outbound.PlaceCall.isE164(callerId)) {
            throw source.problem("outbound.caller-id", "must be a number in E.164 (like +15559990000), got '" + callerId + "'");
        }
        return callerId.isEmpty() ? null : callerId;
    }

    private static RecoveryStrategy strategy(ConfigSource source) {
        String word = source.string("recovery.strategy", RecoverySettings.DEFAULT_STRATEGY.word());
        try {
            return RecoveryStrategy.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw source.problem("recovery.strategy", e.getMessage());
        }
    }

    /**
     * Where the twilio-java SDK sends every request instead of Twilio's own hosts. Sim mode: the stand-alone twilio-sim
     * a cluster's members share. Twilio mode: any Twilio-compatible endpoint (the emulator in CI, a private
     * deployment's gateway); never needed with Twilio itself. The account's auth token travels in every request
     * (Basic auth), so in twilio mode the URL must be {@code https://} unless it stays on this machine.
     */
    private static String twilioBaseUrl(ConfigSource source, Mode mode) {
        String url = source.raw("twilio.base-url").map(ServerConfig::trimSlash).orElse(null);
        if (url == null) {
            return null;
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw source.problem("twilio.base-url", "must start with http:// or https://, got '" + url + "'");
        }
        if (mode == Mode.TWILIO && url.startsWith("http://") && !LocalAddress.isLoopbackHost(LocalAddress.hostOf(url))) {
            throw source.problem("twilio.base-url", "must be https:// in twilio mode unless it is on this machine, got '"
                    + url + "': the account's auth token goes with every request");
        }
        return url;
    }

    private static AuthSettings auth(ConfigSource source, Mode mode) {
        String tokenSecret = source.string("auth.token-secret", "");
        if (mode == Mode.TWILIO && tokenSecret.isEmpty()) {
            throw source.problem("auth.token-secret", "is required in twilio mode: " + TokenSecretRule.RULE);
        }
        if (!tokenSecret.isEmpty()) {
            TokenSecretRule.problemWith(tokenSecret).ifPresent(problem -> {
                throw source.problem("auth.token-secret", problem);
            });
        }
        Duration tokenTtl = source.duration("auth.token-ttl", Duration.ofMinutes(15));
        if (tokenTtl.compareTo(AuthSettings.MIN_TOKEN_TTL) < 0 || tokenTtl.compareTo(AuthSettings.MAX_TOKEN_TTL) > 0) {
            throw source.problem("auth.token-ttl", "must be between 1m and 1h (a stolen token is good until it expires), got "
                    + tokenTtl);
        }
        Duration sessionMaxAge = source.duration("auth.session-max-age", AuthSettings.DEFAULT_SESSION_MAX_AGE);
        if (sessionMaxAge.compareTo(tokenTtl) < 0 || sessionMaxAge.compareTo(AuthSettings.MAX_SESSION_MAX_AGE) > 0) {
            throw source.problem("auth.session-max-age", "must be between auth.token-ttl (" + tokenTtl + ") and 7 days, got "
                    + sessionMaxAge);
        }
        Duration resumeMaxAge = source.duration("auth.resume-max-age", AuthSettings.DEFAULT_RESUME_MAX_AGE);
        if (resumeMaxAge.compareTo(AuthSettings.MIN_RESUME_MAX_AGE) < 0
                || resumeMaxAge.compareTo(AuthSettings.MAX_RESUME_MAX_AGE) > 0) {
            throw source.problem("auth.resume-max-age", "must be between 1h and 365d, got " + resumeMaxAge);
        }
        String usersFile = source.string("auth.users-file", "");
        if (mode == Mode.TWILIO && usersFile.isEmpty()) {
            throw source.problem("auth.users-file", "is required in twilio mode (the demo users exist only in sim mode); "
                    + "write one with 'lifeline-server hash-password'");
        }
        return new AuthSettings(new Secret(tokenSecret), tokenTtl, usersFile.isEmpty() ? null : Path.of(usersFile), sessionMaxAge,
                resumeMaxAge);
    }

    private static List<AddressRange> trustedProxies(ConfigSource source) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : source.list("http.trusted-proxies")) {
            try {
                ranges.add(AddressRange.parse(entry));
            } catch (IllegalArgumentException e) {
                throw source.problem("http.trusted-proxies", e.getMessage());
            }
        }
        return List.copyOf(ranges);
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

    /** Shorter than one heartbeat would end the leg of every connected desktop between two heartbeats. */
    private static Duration legGrace(ConfigSource source) {
        Duration legGrace = source.duration("presence.leg-grace", RecoverySettings.DEFAULT_LEG_GRACE);
        if (legGrace.compareTo(Duration.ofSeconds(6)) < 0) {
            throw source.problem("presence.leg-grace", "must be at least 6s (desktops heartbeat every 5 s), got " + legGrace);
        }
        return legGrace;
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

    private static Mode mode(ConfigSource source, String accountSid, String authToken) {
        if (source.raw("mode").isEmpty()) {
            refusePartialCredentials(source, accountSid, authToken);
        }
        String text = source.string("mode", accountSid.isEmpty() ? "sim" : "twilio");
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "sim" -> Mode.SIM;
            case "twilio" -> Mode.TWILIO;
            default -> throw source.problem("mode", "must be 'sim' or 'twilio', got '" + text + "'");
        };
    }

    /**
     * Without an explicit {@code mode}, half a Twilio account is a mistake on a server meant for production; falling
     * back to sim mode there would serve demo users, open {@code /demo} routes and accept webhooks signed with the
     * emulator's public token. So it is a one-line error.
     */
    private static void refusePartialCredentials(ConfigSource source, String accountSid, String authToken) {
        if (accountSid.isEmpty() != authToken.isEmpty()) {
            String set = accountSid.isEmpty() ? "twilio.auth-token" : "twilio.account-sid";
            String missing = accountSid.isEmpty() ? "twilio.account-sid" : "twilio.auth-token";
            throw source.problem(missing, "is not set but " + set + " is: set both for twilio mode, or mode=sim for the "
                    + "emulator");
        }
        if (accountSid.isEmpty()) {
            for (String key : List.of("twilio.workspace-sid", "twilio.voice-workflow-sid", "twilio.ping-workflow-sid")) {
                if (source.raw(key).isPresent()) {
                    throw source.problem(key, "is set without twilio.account-sid and twilio.auth-token: set them for "
                            + "twilio mode, or mode=sim for the emulator");
                }
            }
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
