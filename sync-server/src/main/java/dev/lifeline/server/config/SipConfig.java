package dev.lifeline.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The agents' SIP accounts: the Twilio SIP Domain the server provisions, where desktops register, and (sim mode) the
 * embedded emulator's SIP listener. See the README's "Voice" section.
 *
 * @param domainName          the SIP Domain's full name, {@code <name>.sip.twilio.com}
 * @param proxyHost           where desktops send REGISTER and every request; null = the default of the mode (the
 *                            domain's own host at Twilio, the emulator's SIP listener in sim mode)
 * @param proxyPort           its port; 0 = the default of the mode (5060 at Twilio, the emulator's SIP port in sim mode)
 * @param transport           {@code udp}, {@code tcp} or {@code tls}
 * @param emulatorPort        sim mode, embedded emulator: its SIP listener (UDP and TCP); 0 = any free port
 * @param emulatorMediaTimeout sim mode, embedded emulator: how long a SIP leg may go without RTP before it is dropped
 * @param passwordsFile       where the server keeps the agents' random SIP passwords (owner-only); null = derived from
 *                            {@code auth.token-secret} (sim mode's default: its emulator forgets credentials at each start)
 */
public record SipConfig(String domainName, String proxyHost, int proxyPort, String transport, int emulatorPort,
                        Duration emulatorMediaTimeout, Path passwordsFile) {

    /** The passwords file's name next to the users file when {@code sip.passwords-file} is not set (twilio mode). */
    public static final String DEFAULT_PASSWORDS_FILE = "sip-passwords";

    /** The SIP Domain without {@code sip.domain}. */
    public static final String DEFAULT_DOMAIN = "lifeline.sip.twilio.com";
    /** Where the embedded emulator listens for SIP unless told otherwise (any free port when {@code http.port} is 0). */
    public static final int DEFAULT_EMULATOR_PORT = 5062;
    /**
     * Twilio documents no RTP timeout for SIP Domains (the emulator's own default is 300 s); sim mode is the demo and the
     * tests, where a killed desktop must be noticed well inside the 15-30 s the agent has to come back.
     */
    public static final Duration DEFAULT_EMULATOR_MEDIA_TIMEOUT = Duration.ofSeconds(5);
    /** Twilio's rule for a domain name's own part (letters, digits, {@code -}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final String TWILIO_SUFFIX = ".sip.twilio.com";

    static SipConfig from(ConfigSource source, int httpPort, boolean twilioMode, Path usersFile) {
        String name = source.string("sip.domain", "lifeline");
        String label = name.endsWith(TWILIO_SUFFIX) ? name.substring(0, name.length() - TWILIO_SUFFIX.length()) : name;
        if (!NAME.matcher(label).matches()) {
            throw source.problem("sip.domain", "must be letters, digits and '-' (optionally ending in " + TWILIO_SUFFIX
                    + "), got '" + name + "'");
        }
        String transport = source.string("sip.transport", "udp").toLowerCase(java.util.Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp") && !transport.equals("tls")) {
            throw source.problem("sip.transport", "must be udp, tcp or tls, got '" + transport + "'");
        }
        String proxyHost = source.raw("sip.proxy-host").orElse(null);
        int proxyPort = source.integer("sip.proxy-port", 0, 1, 65_535);
        int emulatorPort = source.integer("sip.emulator-port", httpPort == 0 ? 0 : DEFAULT_EMULATOR_PORT, 0, 65_535);
        Duration mediaTimeout = source.duration("sip.emulator-media-timeout", DEFAULT_EMULATOR_MEDIA_TIMEOUT);
        if (mediaTimeout.isNegative() || mediaTimeout.isZero()) {
            throw source.problem("sip.emulator-media-timeout", "must be positive, got " + mediaTimeout);
        }
        String passwordsFile = source.string("sip.passwords-file", "");
        Path passwords = !passwordsFile.isBlank() ? Path.of(passwordsFile)
                : twilioMode && usersFile != null ? usersFile.toAbsolutePath().resolveSibling(DEFAULT_PASSWORDS_FILE) : null;
        return new SipConfig(label.toLowerCase(java.util.Locale.ROOT) + TWILIO_SUFFIX, proxyHost, proxyPort, transport,
                emulatorPort, mediaTimeout, passwords);
    }
}
