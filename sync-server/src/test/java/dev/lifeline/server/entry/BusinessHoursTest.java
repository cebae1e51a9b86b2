package dev.lifeline.server.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opening windows in a time zone, holidays, and the one-line refusals of what cannot be read; the entry's
 * ({@code entry.hours}, read with {@link BusinessHours#of}) and the callbacks' ({@code callbacks.hours}, read with
 * {@link BusinessHours#parse}) are one class. The last three tests were {@code config/BusinessHoursTest}'s, unchanged
 * but for {@code contains} now being {@code isOpen}.
 */
class BusinessHoursTest {

    private final BusinessHours london = BusinessHours.of("Europe/London",
            List.of("mon-fri 08:00-18:00", "sat 09:00-12:30"), List.of("2026-12-25"));

    @Test
    void windowsAreReadInTheTimeZoneWithTheStartIncludedAndTheEndNot() {
        assertThat(london.isOpen(Instant.parse("2026-07-06T07:00:00Z"))).isTrue(); // Monday 08:00 BST
        assertThat(london.isOpen(Instant.parse("2026-07-06T06:59:59Z"))).isFalse();
        assertThat(london.isOpen(Instant.parse("2026-07-06T16:59:59Z"))).isTrue();
        assertThat(london.isOpen(Instant.parse("2026-07-06T17:00:00Z"))).isFalse(); // 18:00 BST
        assertThat(london.isOpen(Instant.parse("2026-01-10T12:29:00Z"))).isTrue(); // Saturday, GMT
        assertThat(london.isOpen(Instant.parse("2026-01-10T12:30:00Z"))).isFalse();
        assertThat(london.isOpen(Instant.parse("2026-01-11T10:00:00Z"))).isFalse(); // Sunday
    }

    @Test
    void aHolidayIsClosedAllDayInTheZone() {
        assertThat(london.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).isFalse(); // a Friday
        assertThat(london.isOpen(Instant.parse("2026-12-24T10:00:00Z"))).isTrue();
        BusinessHours tokyo = BusinessHours.of("Asia/Tokyo", List.of(), List.of("2026-01-01"));
        assertThat(tokyo.isOpen(Instant.parse("2025-12-31T15:00:00Z"))).isFalse(); // already 1 January in Tokyo
        assertThat(tokyo.isOpen(Instant.parse("2025-12-31T14:59:00Z"))).isTrue();
    }

    @Test
    void noWindowsMeansAlwaysOpenAndRangesWrapRoundTheWeekAndMayEndAtMidnight() {
        assertThat(BusinessHours.always().isOpen(Instant.parse("2026-01-11T03:00:00Z"))).isTrue();
        BusinessHours weekend = BusinessHours.of("UTC", List.of("sat-mon 00:00-24:00"), List.of());
        assertThat(weekend.isOpen(Instant.parse("2026-01-11T23:59:59Z"))).isTrue(); // Sunday
        assertThat(weekend.isOpen(Instant.parse("2026-01-12T12:00:00Z"))).isTrue(); // Monday
        assertThat(weekend.isOpen(Instant.parse("2026-01-13T12:00:00Z"))).isFalse(); // Tuesday
    }

    @Test
    void whatCannotBeReadIsRefusedSayingWhat() {
        assertThatThrownBy(() -> BusinessHours.of("Mars/Olympus", List.of(), List.of()))
                .hasMessageContaining("time zone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of("weekdays 9-5"), List.of()))
                .hasMessageContaining("'weekdays 9-5'");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of("mon 18:00-08:00"), List.of()))
                .hasMessageContaining("midnight");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of("mon 25:00-26:00"), List.of()))
                .hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of(), List.of("25/12/2026")))
                .hasMessageContaining("'25/12/2026'");
    }
    // --- callbacks.hours (formerly config/BusinessHours) --------------------------------------------------------------

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void weekdaysAndHoursAreReadInTheCentresZone() {
        BusinessHours hours = BusinessHours.parse("Mon-Fri 08:00-18:00", LONDON);

        // 2026-12-07 is a Monday; London is on UTC in December, on UTC+1 in July.
        assertThat(hours.isOpen(Instant.parse("2026-12-07T08:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-07T07:59:59Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-07T18:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-05T12:00:00Z"))).as("Saturday").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-07-06T07:30:00Z"))).as("08:30 in London's summer").isTrue();
        assertThat(hours.describe()).isEqualTo("Mon-Fri 08:00-18:00 Europe/London");
    }

    @Test
    void aWeekThatWrapsAndADayThatEndsAtMidnight() {
        BusinessHours hours = BusinessHours.parse("sat-mon 00:00-24:00", ZoneId.of("UTC"));

        assertThat(hours.isOpen(Instant.parse("2026-12-06T23:59:59Z"))).as("Sunday").isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-07T12:00:00Z"))).as("Monday").isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-08T12:00:00Z"))).as("Tuesday").isFalse();
    }

    @Test
    void badHoursAreRefusedSayingWhy() {
        Map<String, String> bad = Map.of("Mon-Fri", "expected days and hours", "Mon-Fri 18:00-08:00", "closes",
                "Mon-Fry 08:00-18:00", "no such day", "Mon-Fri 08:00-25:00", "no such time");
        bad.forEach((text, why) -> assertThatThrownBy(() -> BusinessHours.parse(text, LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why));
    }

    /** New with the fold: callbacks.hours may hold several windows too, and describe() says them and the holidays. */
    @Test
    void severalWindowsOnOneLineAndTheDescriptionOfEach() {
        BusinessHours hours = BusinessHours.parse("Mon-Fri 08:00-18:00, Sat 09:00-12:00", LONDON);

        assertThat(hours.isOpen(Instant.parse("2026-12-05T10:00:00Z"))).as("Saturday morning").isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-05T12:00:00Z"))).as("Saturday noon").isFalse();
        assertThat(hours.describe()).isEqualTo("Mon-Fri 08:00-18:00, Sat 09:00-12:00 Europe/London");
        assertThat(london.describe()).isEqualTo("Mon-Fri 08:00-18:00, Sat 09:00-12:30 Europe/London, closed on 2026-12-25");
        assertThat(BusinessHours.always().describe()).isEqualTo("always open UTC");
    }
}
