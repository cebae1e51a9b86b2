package dev.lifeline.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The stand-alone emulator's settings ({@code java … dev.lifeline.sim.TwilioSim [port]}): the port from the first
 * argument or {@code TWILIO_SIM_PORT} (default 18080, 0 = any free port), the account it answers to
 * ({@code TWILIO_SIM_ACCOUNT_SID}, {@code TWILIO_SIM_AUTH_TOKEN}: the token also signs every webhook, so a server in
 * twilio mode configured with the same account accepts them), its SIP Domain ({@code TWILIO_SIM_SIP_PORT}, 0 = any)
 * and how long a SIP leg may go without RTP ({@code TWILIO_SIM_MEDIA_TIMEOUT}, default 300 s).
 */
final class StandAlone {

    private StandAlone() {
    }

    /** @throws IllegalArgumentException with one line naming the setting */
    static TwilioSim.Builder builder(List<String> args, Map<String, String> environment) {
        TwilioSim.Builder builder = TwilioSim.builder()
                .port(number("port", args.isEmpty() ? environment.getOrDefault("TWILIO_SIM_PORT", "18080") : args.get(0)));
        String sid = environment.get("TWILIO_SIM_ACCOUNT_SID");
        String token = environment.get("TWILIO_SIM_AUTH_TOKEN");
        if (sid != null) {
            builder.accountSid(sid);
        }
        if (token != null) {
            builder.authToken(token);
        }
        String sipPort = environment.get("TWILIO_SIM_SIP_PORT");
        if (sipPort != null) {
            builder.sipPort(number("TWILIO_SIM_SIP_PORT", sipPort));
        }
        String mediaTimeout = environment.get("TWILIO_SIM_MEDIA_TIMEOUT");
        if (mediaTimeout != null) {
            builder.mediaTimeout(duration("TWILIO_SIM_MEDIA_TIMEOUT", mediaTimeout));
        }
        return builder;
    }

    private static int number(String name, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a port number (0-65535), got '" + text + "'");
    }

    /** {@code 5s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT5S}), as the server's durations. */
    private static Duration duration(String name, String text) {
        String value = text.strip();
        try {
            Duration duration;
            if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s") && !value.startsWith("P")) {
                duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("m") && !value.startsWith("P")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            } else {
                duration = Duration.parse(value);
            }
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a positive duration (5s, 2m, 500ms or PT5S), got '" + text + "'");
    }
}
