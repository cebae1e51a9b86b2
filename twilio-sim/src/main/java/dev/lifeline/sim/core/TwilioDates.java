package dev.lifeline.sim.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The two date formats Twilio speaks. The 2010-04-01 API (and conference callbacks) use RFC 2822 with a
 * two-digit day and a numeric offset — twilio-java silently parses anything else to null. TaskRouter and
 * Event Streams use ISO 8601 with a zone.
 */
public final class TwilioDates {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TwilioDates() {
    }

    public static String rfc2822(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
