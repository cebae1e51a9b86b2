package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void weekdaysAndHoursAreReadInTheCentresZone() {
        BusinessHours hours = BusinessHours.parse("Mon-Fri 08:00-18:00", LONDON);

        // 2026-12-07 is a Monday; London is on UTC in December, on UTC+1 in July.
        assertThat(hours.contains(Instant.parse("2026-12-07T08:00:00Z"))).isTrue();
        assertThat(hours.contains(Instant.parse("2026-12-07T07:59:59Z"))).isFalse();
        assertThat(hours.contains(Instant.parse("2026-12-07T18:00:00Z"))).isFalse();
        assertThat(hours.contains(Instant.parse("2026-12-05T12:00:00Z"))).as("Saturday").isFalse();
        assertThat(hours.contains(Instant.parse("2026-07-06T07:30:00Z"))).as("08:30 in London's summer").isTrue();
        assertThat(hours.describe()).isEqualTo("Mon-Fri 08:00-18:00 Europe/London");
    }

    @Test
    void aWeekThatWrapsAndADayThatEndsAtMidnight() {
        BusinessHours hours = BusinessHours.parse("sat-mon 00:00-24:00", ZoneId.of("UTC"));

        assertThat(hours.contains(Instant.parse("2026-12-06T23:59:59Z"))).as("Sunday").isTrue();
        assertThat(hours.contains(Instant.parse("2026-12-07T12:00:00Z"))).as("Monday").isTrue();
        assertThat(hours.contains(Instant.parse("2026-12-08T12:00:00Z"))).as("Tuesday").isFalse();
    }

    @Test
    void badHoursAreRefusedSayingWhy() {
        Map<String, String> bad = Map.of("Mon-Fri", "expected days and hours", "Mon-Fri 18:00-08:00", "closes",
                "Mon-Fry 08:00-18:00", "no such day", "Mon-Fri 08:00-25:00", "no such time");
        bad.forEach((text, why) -> assertThatThrownBy(() -> BusinessHours.parse(text, LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why));
    }
}
