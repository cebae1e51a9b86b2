package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.recovery.RecoveryStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutTwilioCredentialsTheServerRunsInSimModeWithDocumentedDefaults() {
        ServerConfig config = ServerConfig.load(Map.of());

        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.SIM);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.recovery().pingTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.recovery().pingPriority()).isEqualTo(1000);
    }

    @Test
    void environmentOverridesTheConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("lifeline.properties"), "http.port=9000\nrecovery.ping-ttl=20s\n");

        ServerConfig config = ServerConfig.load(Map.of("LIFELINE_CONFIG", file.toString(), "LIFELINE_HTTP_PORT", "9100"));

        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.recovery().pingTtl()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aMalformedValueNamesTheFileAndTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "http.port=eighty\n");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": http.port expected a whole number, got 'eighty'");
    }

    @Test
    void theRecoveryStrategyIsRequeueUnlessRejoinIsChosen() {
        assertThat(ServerConfig.load(Map.of()).recovery().strategy()).isEqualTo(RecoveryStrategy.REQUEUE);
        assertThat(ServerConfig.load(Map.of("LIFELINE_RECOVERY_STRATEGY", "rejoin")).recovery().strategy())
                .isEqualTo(RecoveryStrategy.REJOIN);
    }

    @Test
    void anUnknownRecoveryStrategyNamesTheKey() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_RECOVERY_STRATEGY", "teleport")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("recovery.strategy").hasMessageContaining("must be rejoin or requeue, got teleport");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CONFIG", missing.toString())))
                .hasMessage(missing + ": config file not found");
    }

    @Test
    void twilioModeRequiresAPublicUrlAndAStrongTokenSecret() {
        Map<String, String> env = Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "t");

        assertThatThrownBy(() -> ServerConfig.load(env))
                .hasMessage("config: public-base-url is required but not set");
    }

    @Test
    void splitBrainProtectionDefaultsToAMajorityOfTheListedMembers() {
        assertThat(minClusterSize(Map.of())).as("no list: one server").isEqualTo(1);
        assertThat(minClusterSize(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1"))).isEqualTo(1);
        assertThat(minClusterSize(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2"))).isEqualTo(2);
        assertThat(minClusterSize(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2,10.0.0.3"))).isEqualTo(2);
        assertThat(minClusterSize(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4"))).isEqualTo(3);
    }

    @Test
    void theMinimumClusterSizeCanBeSetFromTheFileOrTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.properties"),
                "cluster.members=10.0.0.1,10.0.0.2,10.0.0.3\ncluster.min-size=3\n");

        assertThat(minClusterSize(Map.of("LIFELINE_CONFIG", file.toString()))).isEqualTo(3);
        assertThat(minClusterSize(Map.of("LIFELINE_CONFIG", file.toString(), "LIFELINE_CLUSTER_MIN_SIZE", "1"))).isEqualTo(1);
    }

    @Test
    void aMinimumClusterSizeThatCouldNeverBeReachedIsOneClearLine() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CLUSTER_MEMBERS", "10.0.0.1,10.0.0.2",
                "LIFELINE_CLUSTER_MIN_SIZE", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment LIFELINE_CLUSTER_MIN_SIZE: cluster.min-size cannot exceed the 2 member(s) of "
                        + "cluster.members, got 3");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CLUSTER_MIN_SIZE", "0")))
                .hasMessage("environment LIFELINE_CLUSTER_MIN_SIZE: cluster.min-size must be at least 1 "
                        + "(1 turns split-brain protection off), got 0");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CLUSTER_MIN_SIZE", "two")))
                .hasMessage("environment LIFELINE_CLUSTER_MIN_SIZE: cluster.min-size expected a whole number, got 'two'");
    }

    @Test
    void finishedIncidentsAreKeptForADayAndEndedConferencesForAnHourUnlessSetOtherwise() {
        ServerConfig.RecoverySettings defaults = ServerConfig.load(Map.of()).recovery();
        assertThat(defaults.incidentRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.conferenceRetention()).isEqualTo(Duration.ofHours(1));

        ServerConfig.RecoverySettings set = ServerConfig.load(Map.of("LIFELINE_RECOVERY_RETENTION", "6h",
                "LIFELINE_CONFERENCE_RETENTION", "10m")).recovery();
        assertThat(set.incidentRetention()).isEqualTo(Duration.ofHours(6));
        assertThat(set.conferenceRetention()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void durationsAreReadInHoursAndAsIso8601AsTheReadmeSays() {
        ServerConfig.RecoverySettings recovery = ServerConfig.load(Map.of("LIFELINE_RECOVERY_PING_TTL", "PT20S",
                "LIFELINE_RECOVERY_DEADLINE", "PT3M", "LIFELINE_RECOVERY_RETENTION", "48h")).recovery();

        assertThat(recovery.pingTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(recovery.deadline()).isEqualTo(Duration.ofMinutes(3));
        assertThat(recovery.incidentRetention()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void aGhostLegIsEndedAfterTwelveSecondsOfSilenceUnlessSetOtherwiseButNeverWithinOneHeartbeat() {
        assertThat(ServerConfig.load(Map.of()).recovery().legGrace()).isEqualTo(Duration.ofSeconds(12));
        assertThat(ServerConfig.load(Map.of("LIFELINE_PRESENCE_LEG_GRACE", "20s")).recovery().legGrace())
                .isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_PRESENCE_LEG_GRACE", "3s")))
                .hasMessageContaining("presence.leg-grace").hasMessageContaining("at least 6s");
    }

    @Test
    void twilioModeKeepsTheSipPasswordsNextToTheUsersFileUnlessToldWhere() {
        Map<String, String> twilio = Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "token",
                "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com",
                "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc", "LIFELINE_AUTH_USERS_FILE", "/etc/lifeline/users");
        java.util.Map<String, String> elsewhere = new java.util.HashMap<>(twilio);
        elsewhere.put("LIFELINE_SIP_PASSWORDS_FILE", "/var/lib/lifeline/sip-passwords");

        assertThat(ServerConfig.load(twilio).sip().passwordsFile()).isEqualTo(Path.of("/etc/lifeline/sip-passwords"));
        assertThat(ServerConfig.load(elsewhere).sip().passwordsFile())
                .isEqualTo(Path.of("/var/lib/lifeline/sip-passwords"));
        assertThat(ServerConfig.load(Map.of()).sip().passwordsFile()).isNull();
    }

    @Test
    void aRetentionNoLongerThanTheWatchdogDeadlineIsOneClearLine() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CONFERENCE_RETENTION", "2m")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment LIFELINE_CONFERENCE_RETENTION: conference.retention must be longer than "
                        + "recovery.deadline (PT2M), got PT2M");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_RECOVERY_RETENTION", "30s",
                "LIFELINE_RECOVERY_DEADLINE", "60s")))
                .hasMessage("environment LIFELINE_RECOVERY_RETENTION: recovery.retention must be longer than "
                        + "recovery.deadline (PT1M), got PT30S");
    }

    /** Other hosts on the member list need a cluster interface; loopback is an address of every machine. */
    private static int minClusterSize(Map<String, String> environment) {
        Map<String, String> withInterface = new java.util.HashMap<>(environment);
        withInterface.put("LIFELINE_CLUSTER_INTERFACE", "127.0.0.1");
        return ServerConfig.load(withInterface).cluster().minClusterSize();
    }

    @Test
    void theAuthTokenNeverAppearsInToString() {
        ServerConfig config = ServerConfig.load(Map.of("TWILIO_AUTH_TOKEN", "super-secret-token", "LIFELINE_MODE", "sim"));

        assertThat(config.toString()).doesNotContain("super-secret-token");
    }

    private static final String STRONG_SECRET = "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc";

    private Map<String, String> twilio(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32),
                "TWILIO_AUTH_TOKEN", "t", "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com",
                "LIFELINE_AUTH_TOKEN_SECRET", STRONG_SECRET));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void twilioModeWithoutAUsersFileRefusesToStartInsteadOfServingTheDemoUsers() {
        assertThatThrownBy(() -> ServerConfig.load(twilio()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config: auth.users-file is required in twilio mode (the demo users exist only in sim mode); "
                        + "write one with 'lifeline-server hash-password'");
        assertThat(ServerConfig.load(twilio("LIFELINE_AUTH_USERS_FILE", "/etc/lifeline/users")).auth().usersFile())
                .isEqualTo(Path.of("/etc/lifeline/users"));
    }

    @Test
    void aLowEntropyTokenSecretIsRefusedWithTheRule() {
        for (String weak : new String[] {"a".repeat(40), "changeme".repeat(5), "0123456789abcdef0123456789abcdef",
                "abcdefghiabcdefghiabcdefghiabcdefghiX".replace("X", "")}) {
            assertThatThrownBy(() -> ServerConfig.load(twilio("LIFELINE_AUTH_TOKEN_SECRET", weak,
                    "LIFELINE_AUTH_USERS_FILE", "/u")))
                    .as(weak).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("environment LIFELINE_AUTH_TOKEN_SECRET: auth.token-secret ")
                    .hasMessageContaining("at least 32 bytes, at least 10 distinct characters and not a short piece repeated");
        }
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_AUTH_TOKEN_SECRET", "x".repeat(64))))
                .as("a configured secret is checked in sim mode too").isInstanceOf(ConfigException.class);
    }

    @Test
    void generatedSecretsPass() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String hex = java.util.HexFormat.of().formatHex(bytes);
            String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
            assertThat(TokenSecretRule.problemWith(hex)).as(hex).isEmpty();
            assertThat(TokenSecretRule.problemWith(base64)).as(base64).isEmpty();
        }
        assertThat(ServerConfig.load(twilio("LIFELINE_AUTH_USERS_FILE", "/u")).auth().tokenSecret().reveal()).isEqualTo(STRONG_SECRET);
    }

    @Test
    void theTokenLifetimeIsCappedAtAnHourAndSessionsLastTwelveHoursByDefault() {
        assertThat(ServerConfig.load(Map.of()).auth().sessionMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(ServerConfig.load(Map.of("LIFELINE_AUTH_TOKEN_TTL", "1h")).auth().tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_AUTH_TOKEN_TTL", "61m")))
                .hasMessage("environment LIFELINE_AUTH_TOKEN_TTL: auth.token-ttl must be between 1m and 1h "
                        + "(a stolen token is good until it expires), got PT1H1M");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_AUTH_SESSION_MAX_AGE", "10m")))
                .hasMessageStartingWith("environment LIFELINE_AUTH_SESSION_MAX_AGE: auth.session-max-age must be between");
        assertThat(ServerConfig.load(Map.of("LIFELINE_AUTH_SESSION_MAX_AGE", "PT8H")).auth().sessionMaxAge())
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void trustedProxiesAreAddressesOrBlocksAndABadEntryIsNamed() {
        ServerConfig config = ServerConfig.load(Map.of("LIFELINE_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5,fd00::/8"));

        assertThat(config.trustedProxies()).extracting(AddressRange::toString).containsExactly("10.0.0.0/8", "192.168.1.5", "fd00::/8");
        assertThat(ServerConfig.load(Map.of()).trustedProxies()).isEmpty();
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_HTTP_TRUSTED_PROXIES", "10.0.0.0/8,proxy.example.com")))
                .hasMessage("environment LIFELINE_HTTP_TRUSTED_PROXIES: http.trusted-proxies 'proxy.example.com' is not an IP "
                        + "address or CIDR block");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_HTTP_TRUSTED_PROXIES", "10.0.0.0/33")))
                .hasMessageContaining("prefix length outside 0-32");
    }

    @Test
    void durationsMayBeWrittenInIso8601AsTheReadmeSaysAndInHours() {
        // PT20S used to be read as the number "pt20" with the unit "s" and refused.
        assertThat(ServerConfig.load(Map.of("LIFELINE_RECOVERY_PING_TTL", "PT20S")).recovery().pingTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(ServerConfig.load(Map.of("LIFELINE_RECOVERY_DEADLINE", "PT2M")).recovery().deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ServerConfig.load(Map.of("LIFELINE_AUTH_SESSION_MAX_AGE", "8h")).auth().sessionMaxAge()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void theSipDomainAndTheEmulatorsSipListenerHaveDocumentedDefaults() {
        SipConfig sip = ServerConfig.load(Map.of()).sip();

        assertThat(sip.domainName()).isEqualTo("lifeline.sip.twilio.com");
        assertThat(sip.transport()).isEqualTo("udp");
        assertThat(sip.proxyHost()).isNull();
        assertThat(sip.proxyPort()).isZero();
        assertThat(sip.emulatorPort()).isEqualTo(5062);
        assertThat(sip.emulatorMediaTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "0")).sip().emulatorPort()).as("any port with http.port 0")
                .isZero();
        SipConfig configured = ServerConfig.load(Map.of("LIFELINE_SIP_DOMAIN", "acme-Agents.sip.twilio.com",
                "LIFELINE_SIP_TRANSPORT", "TLS", "LIFELINE_SIP_PROXY_HOST", "acme-agents.sip.dublin.twilio.com",
                "LIFELINE_SIP_PROXY_PORT", "5061")).sip();
        assertThat(configured.domainName()).isEqualTo("acme-agents.sip.twilio.com");
        assertThat(configured.transport()).isEqualTo("tls");
        assertThat(configured.proxyHost()).isEqualTo("acme-agents.sip.dublin.twilio.com");
        assertThat(configured.proxyPort()).isEqualTo(5061);
    }

    @Test
    void aBadSipSettingIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_SIP_DOMAIN", "acme.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("environment LIFELINE_SIP_DOMAIN: sip.domain must be");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_SIP_TRANSPORT", "sctp")))
                .hasMessage("environment LIFELINE_SIP_TRANSPORT: sip.transport must be udp, tcp or tls, got 'sctp'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_SIP_PROXY_PORT", "0")))
                .hasMessageStartingWith("environment LIFELINE_SIP_PROXY_PORT: sip.proxy-port must be between 1 and 65535");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_SIP_EMULATOR_MEDIA_TIMEOUT", "0s")))
                .hasMessageStartingWith("environment LIFELINE_SIP_EMULATOR_MEDIA_TIMEOUT: sip.emulator-media-timeout must be positive");
    }

    /** Issue 19: the supervisor's service-level threshold. */
    @Test
    void theServiceLevelThresholdIsTwentySecondsUnlessSetAndAtLeastOne() {
        assertThat(ServerConfig.load(Map.of()).supervisor().serviceLevelSeconds()).isEqualTo(20);
        assertThat(ServerConfig.load(Map.of("LIFELINE_SUPERVISOR_SERVICE_LEVEL_SECONDS", "30")).supervisor()
                .serviceLevelSeconds()).isEqualTo(30);
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_SUPERVISOR_SERVICE_LEVEL_SECONDS", "0")))
                .hasMessageContaining("supervisor.service-level-seconds");
    }

    @Test
    void aQueueTransferWaitsTwoMinutesUnlessSetOtherwiseAndNeitherUnderTenSecondsNorOverADay() {
        assertThat(ServerConfig.load(Map.of()).transferQueueTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(ServerConfig.load(Map.of("LIFELINE_TRANSFER_QUEUE_TIMEOUT", "5m")).transferQueueTimeout())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_TRANSFER_QUEUE_TIMEOUT", "5s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment LIFELINE_TRANSFER_QUEUE_TIMEOUT: transfer.queue-timeout must be between");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_TRANSFER_QUEUE_TIMEOUT", "2d")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transfer.queue-timeout");
    }
}
