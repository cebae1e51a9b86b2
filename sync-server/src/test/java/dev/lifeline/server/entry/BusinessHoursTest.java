package dev.lifeline.server.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening windows in a time zone, holidays, and the one-line refusals of what cannot be read. */
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
}
