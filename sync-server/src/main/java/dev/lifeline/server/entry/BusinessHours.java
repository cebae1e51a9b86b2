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
 * When the contact centre is open: weekly opening windows in one time zone, minus whole-day holidays (dates in that
 * zone). The one reading of hours for both the call entry ({@code entry.hours}, {@code entry.holidays}: when calls
 * are taken) and the callbacks ({@code callbacks.hours}: when a callback may be due). No windows at all means always
 * open, so a server without {@code entry.hours} behaves as before. Windows are read as
 * {@code mon-fri 08:00-18:00, sat 09:00-13:00} (any case): a day or a day range, then start and end (the end not
 * included; {@code 24:00} is midnight at the end of the day). A window never crosses midnight: write two.
 */
public final class BusinessHours {

    private static final Pattern WINDOW = Pattern.compile(
            "([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");
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

    /**
     * Windows written on one line, comma-separated ({@code Mon-Fri 08:00-18:00, Sat 09:00-12:00}), in {@code zone},
     * without holidays: {@code callbacks.hours}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static BusinessHours parse(String text, ZoneId zone) {
        List<Window> parsed = new ArrayList<>();
        for (String window : text.split(",")) {
            parsed.add(window(window));
        }
        return new BusinessHours(zone, parsed, Set.of());
    }

    /** Parses one window ({@code mon-fri 08:00-18:00}); holidays and zone come separately. */
    static Window window(String text) {
        Matcher m = WINDOW.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected days and hours like 'mon-fri 08:00-18:00', got '" + text + "'");
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
            throw new IllegalArgumentException("closes before it opens (write two windows to cross midnight), got '"
                    + text + "'");
        }
        String named = name(first) + (first == last ? "" : "-" + name(last)) + " " + m.group(3) + "-" + m.group(4);
        return new Window(days, start, end, named);
    }

    private static String name(int day) {
        String lower = DAYS.get(day);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static int day(String name, String text) {
        int index = DAYS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no such day in '" + text + "': days are mon, tue, wed, thu, fri, sat, sun");
        }
        return index;
    }

    private static LocalTime time(String hhmm, String text) {
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no such time of day in '" + text + "': times are HH:mm (00:00 to 24:00)");
        }
    }

    /** The zone the windows and holidays are read in (and a due time given without one). */
    public ZoneId zone() {
        return zone;
    }

    /** As a person reads it: {@code Mon-Fri 08:00-18:00, Sat 09:00-12:00 Europe/London}. */
    public String describe() {
        String open = windows.isEmpty() ? "always open" : String.join(", ", windows.stream().map(Window::text).toList());
        String closed = holidays.isEmpty() ? "" : ", closed on " + String.join(", ",
                new TreeSet<>(holidays).stream().map(LocalDate::toString).toList());
        return open + " " + zone + closed;
    }

    /** @return whether the centre is open at {@code instant} (a call is taken, a callback may be due) */
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

    /** One opening window; {@code end} null = the end of the day; {@code text} as {@link #describe()} says it. */
    record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, String text) {
    }
}
