package dev.lifeline.server.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the contact centre calls customers back: a run of weekdays and a daily opening time, in the centre's zone, as
 * {@code callbacks.hours} says ({@code Mon-Fri 08:00-18:00}). A simple check; a calendar with holidays would replace it.
 *
 * @param close exclusive; {@code 24:00} is written as {@link LocalTime#MAX}
 */
public record BusinessHours(DayOfWeek firstDay, DayOfWeek lastDay, LocalTime open, LocalTime close, ZoneId zone) {

    public static final String DEFAULT = "Mon-Fri 08:00-18:00";
    private static final Pattern FORM = Pattern.compile(
            "(?i)([a-z]{3})\\s*-\\s*([a-z]{3})\\s+(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static BusinessHours parse(String text, ZoneId zone) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected days and hours like 'Mon-Fri 08:00-18:00', got '" + text + "'");
        }
        LocalTime open = time(m.group(3), m.group(4));
        LocalTime close = time(m.group(5), m.group(6));
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("closes (" + close + ") before it opens (" + open + ") in '" + text + "'");
        }
        return new BusinessHours(day(m.group(1)), day(m.group(2)), open, close, zone);
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isBusinessDay(local.getDayOfWeek()) && !time.isBefore(open) && (close == LocalTime.MAX || time.isBefore(close));
    }

    private boolean isBusinessDay(DayOfWeek day) {
        int first = firstDay.getValue();
        int last = lastDay.getValue();
        int d = day.getValue();
        return first <= last ? d >= first && d <= last : d >= first || d <= last;
    }

    /** As a person reads it: {@code Mon-Fri 08:00-18:00 Europe/London}. */
    public String describe() {
        return name(firstDay) + "-" + name(lastDay) + " " + open + "-" + (close == LocalTime.MAX ? "24:00" : close) + " " + zone;
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h == 24 && m == 0) {
            return LocalTime.MAX;
        }
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException("no such time of day: " + hours + ":" + minutes);
        }
        return LocalTime.of(h, m);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name(day).equalsIgnoreCase(name)) {
                return day;
            }
        }
        throw new IllegalArgumentException("no such day: '" + name + "' (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }
}
