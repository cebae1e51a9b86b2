package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.SimClock;
import java.time.Duration;
import java.util.function.Consumer;

/** Schedules TaskRouter timers (TTL, reservation and step timeouts) on the sim clock; each runs as a world action. */
final class WorldTimers {

    private final SimClock clock;
    private final Consumer<Runnable> inWorld;

    /** @param inWorld runs an action under the world lock and settles routing and events after it */
    WorldTimers(SimClock clock, Consumer<Runnable> inWorld) {
        this.clock = clock;
        this.inWorld = inWorld;
    }

    SimClock.Timer schedule(Duration delay, Runnable action) {
        return clock.schedule(delay, () -> inWorld.accept(action));
    }
}
