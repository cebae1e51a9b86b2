package dev.lifeline.server.scenarios;

import dev.lifeline.sim.webhook.DeliveryFaults;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The webhook storm (issue #7, item 1): N concurrent interactions on a 3-member cluster, each with its own
 * agent, softphone and customer, driven from a pool of desktop threads while twilio-sim delivers every
 * callback and Event Streams event with the given faults, to members in turn. Returns each interaction's
 * final state for comparison with an undisturbed run. Public for the benchmark in {@code dev.lifeline.bench}.
 *
 * <p>Order of play: every call is answered first (all conferences live at once), then every interaction plays
 * its scenario concurrently; the ping-TTL interactions go last, because the emulator's clock is shared and
 * moving it past the TTL must not time out anyone else's ping.
 *
 * @param conferences  concurrent interactions (one agent each)
 * @param threads      desktop threads playing the agents' side
 * @param faults       what twilio-sim does to every callback for the whole run
 * @param pingTtl      the Recovery Ping's TTL; longer than the run, so only the emulator's clock ends a ping
 * @param patience     the longest a desktop waits for one thing (an offer, a phase) before the interaction fails
 * @param every        how often a waiting desktop looks again
 */
public record StormDriver(int conferences, int threads, DeliveryFaults faults, Duration pingTtl, Duration patience,
                          Duration every, RecoveryStrategy strategy) {

    public static final int MEMBERS = 3;

    /** The CI shape: patient enough for a loaded two-core machine, polling gently. */
    public static StormDriver of(int conferences, int threads, DeliveryFaults faults) {
        return new StormDriver(conferences, threads, faults, Duration.ofMinutes(10), Duration.ofSeconds(90), Duration.ofMillis(50),
                RecoveryStrategy.REQUEUE);
    }

    public StormDriver patience(Duration newPatience) {
        return new StormDriver(conferences, threads, faults, pingTtl, newPatience, every, strategy);
    }

    /** The same storm with agents brought back the given way. */
    public StormDriver strategy(RecoveryStrategy how) {
        return new StormDriver(conferences, threads, faults, pingTtl, patience, every, how);
    }

    public StormReport run() throws InterruptedException {
        RecoveryHarness.Setup setup = RecoveryHarness.Setup.of(pingTtl, pingTtl.multipliedBy(2))
                .members(MEMBERS).agents(agents()).strategy(strategy);
        // With rejoin there is no ping whose TTL the emulator ends: the engines' watchdog, on the emulator's clock, does.
        try (RecoveryHarness harness = new RecoveryHarness(strategy == RecoveryStrategy.REJOIN ? setup.enginesOnSimClock() : setup)) {
            harness.cluster.startReconcilers(Duration.ofSeconds(1));
            harness.sim.webhooks().faults(faults);
            Instant start = Instant.now();
            List<StormInteraction> interactions = IntStream.range(0, conferences)
                    .mapToObj(i -> new StormInteraction(harness, i, patience, every)).toList();
            Map<Integer, String> failures = new LinkedHashMap<>();
            ExecutorService desktops = Executors.newFixedThreadPool(threads);
            try {
                runAll(desktops, interactions, StormInteraction::connect, failures);
                runAll(desktops, interactions, StormInteraction::play, failures);
                List<StormInteraction> timingOut = interactions.stream()
                        .filter(i -> i.scenario() == StormScenario.PING_TIMEOUT).toList();
                if (!timingOut.isEmpty()) {
                    harness.simClock.advance(pingTtl.plusSeconds(1));
                    runAll(desktops, timingOut, StormInteraction::awaitRequeued, failures);
                }
            } finally {
                desktops.shutdownNow();
            }
            // Late copies and held windows still arrive: the final state is read once they have all landed.
            harness.sim.webhooks().awaitIdle(patience);
            Duration wall = Duration.between(start, Instant.now());
            return new StormReport(strategy, StormOutcome.read(harness, interactions), describe(failures, interactions),
                    harness.sim.webhooks().callbacksSent(), harness.sim.webhooks().deliveryAttempts(),
                    List.copyOf(harness.cluster.engineHandlingNanos), wall);
        }
    }

    private Map<String, String> agents() {
        Map<String, String> agents = new LinkedHashMap<>();
        for (int i = 0; i < conferences; i++) {
            agents.put(StormInteraction.identity(i), "Storm Agent " + i);
        }
        return agents;
    }

    /** One step of a desktop's script. */
    private interface Step {
        void run(StormInteraction interaction) throws Exception;
    }

    /** Runs the step for every interaction not failed yet, all at once on the pool; records why one failed. */
    private static void runAll(ExecutorService pool, List<StormInteraction> interactions, Step step,
                               Map<Integer, String> failures) throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        List<StormInteraction> started = new ArrayList<>();
        for (StormInteraction interaction : interactions) {
            if (!failures.containsKey(interaction.index())) {
                started.add(interaction);
                running.add(pool.submit(() -> {
                    step.run(interaction);
                    return null;
                }));
            }
        }
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                failures.put(started.get(i).index(), String.valueOf(e.getCause()));
            }
        }
    }

    private static List<String> describe(Map<Integer, String> failures, List<StormInteraction> interactions) {
        return failures.entrySet().stream()
                .map(f -> "#" + f.getKey() + " " + interactions.get(f.getKey()).scenario() + ": " + f.getValue())
                .toList();
    }
}
