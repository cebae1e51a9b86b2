package dev.lifeline.server.scenarios;

import dev.lifeline.server.recovery.RecoveryStrategy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What a storm run did: every interaction's final state (in interaction order, so two runs compare index by
 * index), the interactions whose script did not finish, the webhook traffic and how long each took in an engine.
 *
 * @param callbacks         callbacks the emulator raised (before duplication)
 * @param deliveries        delivery attempts, copies and retries included
 * @param handlerNanos      time spent in an engine per delivered webhook
 * @param failures          "index scenario: reason" of each interaction whose script gave up
 */
public record StormReport(RecoveryStrategy strategy, List<StormOutcome> outcomes, List<String> failures, long callbacks, long deliveries,
                          List<Long> handlerNanos, Duration wallTime) {

    public long lostRecoveries() {
        return outcomes.stream().filter(StormOutcome::lostRecovery).count();
    }

    public long doubleRecoveries() {
        return outcomes.stream().filter(StormOutcome::doubleRecovery).count();
    }

    public long spuriousIncidents() {
        return outcomes.stream().filter(StormOutcome::spuriousIncident).count();
    }

    /** Interactions whose final state differs from the same interaction of {@code reference}, described. */
    public List<String> differencesFrom(StormReport reference) {
        if (reference.outcomes.size() != outcomes.size()) {
            return List.of("the runs had " + reference.outcomes.size() + " and " + outcomes.size() + " interactions");
        }
        return differences(reference.outcomes::get);
    }

    /** Interactions whose final state differs from what their scenario reaches undisturbed, described. */
    public List<String> differencesFromExpected() {
        return differences(i -> outcomes.get(i).scenario().expectedOutcome(strategy));
    }

    public Map<StormScenario, Long> scenarioCounts() {
        Map<StormScenario, Long> counts = new EnumMap<>(StormScenario.class);
        outcomes.forEach(o -> counts.merge(o.scenario(), 1L, Long::sum));
        return counts;
    }

    private List<String> differences(IntFunction<StormOutcome> expected) {
        return IntStream.range(0, outcomes.size())
                .filter(i -> !outcomes.get(i).equals(expected.apply(i)))
                .mapToObj(i -> "#" + i + " expected " + expected.apply(i) + " but was " + outcomes.get(i))
                .toList();
    }
}
