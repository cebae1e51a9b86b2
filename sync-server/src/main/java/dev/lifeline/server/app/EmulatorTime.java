package dev.lifeline.server.app;

import dev.lifeline.sim.core.SimClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The embedded emulator's clock as a {@link Clock}: in sim mode business hours read the emulator's time, so a test (or a
 * scenario on a manual clock) moves callers through opening hours with {@code POST /sim/clock/set}.
 */
final class EmulatorTime extends Clock {

    private final SimClock clock;

    EmulatorTime(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone); // unused: business hours convert instants themselves
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
