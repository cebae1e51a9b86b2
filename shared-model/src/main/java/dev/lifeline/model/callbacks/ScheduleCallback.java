package dev.lifeline.model.callbacks;

import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.model.validation.Require;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The body of {@code POST /api/me/callbacks} (an agent) and of the website API: call this number back at this time.
 *
 * @param number the customer's number; typed separators are dropped, the rest must be E.164
 * @param reason why the customer wants a call (at most 500 characters; may be empty)
 * @param dueAt  when, as the customer said it: a local date and time ({@code 2026-12-07T09:30}) in {@code zone}, or an
 *               ISO-8601 time with an offset ({@code 2026-12-07T09:30:00+01:00})
 * @param zone   the customer's time zone ({@code Europe/London}); optional, the contact centre's when absent
 */
public record ScheduleCallback(String number, String reason, String dueAt, String zone) {

    public static final int MAX_REASON = 500;

    public ScheduleCallback {
        Require.text(number, "number");
        number = PlaceCall.normalised(number);
        if (!PlaceCall.isE164(number)) {
            throw new IllegalArgumentException("number: must be a phone number in E.164, like +15551230002");
        }
        reason = reason == null ? "" : reason.strip();
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters");
        }
        Require.text(dueAt, "dueAt");
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone: not a time zone (like Europe/London): " + zone);
            }
        }
        dueInstant(dueAt, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
    }

    /** The due time as an instant: an offset time as it says, a local one in {@code zone}, else in {@code fallback}. */
    public Instant dueInstant(ZoneId fallback) {
        return dueInstant(dueAt, zone == null ? fallback : ZoneId.of(zone));
    }

    /** The zone the customer speaks in: theirs if given, else {@code fallback}. */
    public ZoneId zoneOr(ZoneId fallback) {
        return zone == null ? fallback : ZoneId.of(zone);
    }

    private static Instant dueInstant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("dueAt: expected a date and time like 2026-12-07T09:30 or "
                        + "2026-12-07T09:30:00+01:00, got '" + text + "'");
            }
        }
    }
}
