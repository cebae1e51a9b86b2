package dev.lifeline.bench;

import dev.lifeline.server.scenarios.StormDriver;
import dev.lifeline.server.scenarios.StormReport;
import dev.lifeline.sim.webhook.DeliveryFaults;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full webhook storm of issue #7, item 1: 3 members, {@code bench.conferences} (default 500) concurrent
 * interactions, every callback and Event Streams event duplicated 1–3 times and shuffled within a window, sent
 * to members in turn. Prints outcomes against the reference model, lost and double recoveries, and how long the
 * engines took per webhook. Not a test: it asserts nothing and only runs when asked for (bench/run.sh storm).
 *
 * <p>Knobs: {@code -Dbench.conferences=N}, {@code -Dbench.threads=N} (desktop threads), {@code -Dbench.window=W}
 * (re-order window), {@code -Dbench.seed=S}.
 */
@Tag("bench")
class StormBenchmark {

    private static final int CONFERENCES = Integer.getInteger("bench.conferences", 500);
    private static final int THREADS = Integer.getInteger("bench.threads", 32);
    private static final int WINDOW = Integer.getInteger("bench.window", 3);
    private static final long SEED = Long.getLong("bench.seed", DeliveryFaults.DEFAULT_SEED);

    @Test
    void stormOfDuplicatedShuffledWebhooks() throws Exception {
        DeliveryFaults faults = DeliveryFaults.NONE.withDelay(Duration.ofMillis(2)).withDuplicates(1, 3)
                .withReorder(WINDOW, Duration.ofMillis(500)).withSeed(SEED);
        StormReport report = StormDriver.of(CONFERENCES, THREADS, faults).patience(Duration.ofMinutes(5)).run();

        Percentiles handling = new Percentiles();
        report.handlerNanos().forEach(nanos -> handling.add(nanos / 1e6));
        System.out.println("== webhook storm (3 members, " + CONFERENCES + " conferences, duplicates 1-3, reorder window "
                + WINDOW + ") ==");
        System.out.println("interactions: " + report.outcomes().size() + " " + report.scenarioCounts()
                + ", scripts that gave up: " + report.failures().size());
        System.out.println("final state differs from the undisturbed model: " + report.differencesFromExpected().size());
        System.out.printf("deliveries: %d for %d callbacks (%.2f per callback), %d desktop threads%n",
                report.deliveries(), report.callbacks(), (double) report.deliveries() / Math.max(1, report.callbacks()), THREADS);
        System.out.println("lost recoveries: " + report.lostRecoveries() + ", double recoveries: " + report.doubleRecoveries()
                + ", incidents without a drop: " + report.spuriousIncidents());
        System.out.println("engine handling per event (every copy): " + handling.summary());
        System.out.printf("wall time: %.1f s%n", report.wallTime().toMillis() / 1000.0);
        report.failures().stream().limit(5).forEach(f -> System.out.println("  gave up: " + f));
        report.differencesFromExpected().stream().limit(5).forEach(d -> System.out.println("  differs: " + d));
    }
}
