package dev.lifeline.server.entry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the contact centre takes calls: weekly opening windows in one time zone, minus whole-day holidays (dates in
 * that zone). No windows at all means always open, so a server without {@code entry.hours} behaves as before.
 * Windows are read as {@code mon-fri 08:00-18:00, sat 09:00-13:00}: a day or a day range, then start and end (the end
 * not included; {@code 24:00} is midnight at the end of the day). A window never crosses midnight: write two.
 */
public final class BusinessHours {

    private static final Pattern WINDOW = Pattern.compile(
            "([a-z]{3})(?:-([a-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final ZoneId zone;
    private final List<Window> windows;
    private final Set<LocalDate> holidays;

    private BusinessHours(ZoneId zone, List<Window> windows, Set<LocalDate> holidays) {
        this.zone = zone;
        this.windows = List.copyOf(windows);
        this.holidays = Set.copyOf(holidays);
    }

    /** Open every minute of every day. */
    public static BusinessHours always() {
        return new BusinessHours(ZoneId.of("UTC"), List.of(), Set.of());
    }

    /**
     * @param zone     an IANA zone such as {@code Europe/London}
     * @param windows  items such as {@code mon-fri 08:00-18:00}; empty = always open (holidays still close)
     * @param holidays ISO dates such as {@code 2026-12-25}
     * @throws IllegalArgumentException naming the item that cannot be read
     */
    public static BusinessHours of(String zone, List<String> windows, List<String> holidays) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone such as Europe/London or UTC, got '" + zone + "'");
        }
        List<Window> parsed = new ArrayList<>();
        for (String window : windows) {
            parsed.add(window(window));
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (String holiday : holidays) {
            try {
                dates.add(LocalDate.parse(holiday));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be dates such as 2026-12-25, got '" + holiday + "'");
            }
        }
        return new BusinessHours(zoneId, parsed, dates);
    }

    /** Parses the windows only (for {@code entry.hours}); holidays and zone come separately. */
    static Window window(String text) {
        Matcher m = WINDOW.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be windows such as 'mon-fri 08:00-18:00', got '" + text + "'");
        }
        int first = day(m.group(1), text);
        int last = m.group(2) == null ? first : day(m.group(2), text);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int d = first; ; d = (d + 1) % 7) { // sat-mon wraps round the week
            days.add(DayOfWeek.of(d + 1));
            if (d == last) {
                break;
            }
        }
        LocalTime start = time(m.group(3), text);
        LocalTime end = m.group(4).equals("24:00") ? null : time(m.group(4), text);
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("must end after it starts (write two windows to cross midnight), got '"
                    + text + "'");
        }
        return new Window(days, start, end);
    }

    private static int day(String name, String text) {
        int index = DAYS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("days are mon, tue, wed, thu, fri, sat, sun, got '" + text + "'");
        }
        return index;
    }

    private static LocalTime time(String hhmm, String text) {
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("times are HH:mm (00:00 to 24:00), got '" + text + "'");
        }
    }

    /** @return whether a call arriving at {@code instant} is taken */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        if (windows.isEmpty()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return windows.stream().anyMatch(w -> w.days().contains(local.getDayOfWeek()) && !time.isBefore(w.start())
                && (w.end() == null || time.isBefore(w.end())));
    }

    /** One opening window; {@code end} null = the end of the day. */
    record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    }
}
