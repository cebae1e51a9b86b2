package dev.lifeline.model.queue;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.validation.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Recoveries over a sliding window ending when the snapshot was taken (the last hour), counted by the server over the
 * whole cluster's incidents, not one member's: the supervisor panel's figures and chart.
 *
 * @param since                  where the window starts (the snapshot's {@code takenAt} minus the window)
 * @param finishedByOutcome      recoveries that reached a terminal phase in the window, by that phase; phases with
 *                               none are absent
 * @param timeToReconnectP50     median detection → {@link Phase#RESTORED} of the recoveries restored in the window
 *                               (nearest rank); {@code null} when none was
 * @param timeToReconnectP95     95th percentile of the same (nearest rank); {@code null} when none was
 */
public record RecoveryStatistics(
        Instant since,
        Map<Phase, Integer> finishedByOutcome,
        Duration timeToReconnectP50,
        Duration timeToReconnectP95) {

    public RecoveryStatistics {
        Require.present(since, "since");
        finishedByOutcome = Require.mapOf(finishedByOutcome, "finishedByOutcome", false);
        for (Map.Entry<Phase, Integer> outcome : finishedByOutcome.entrySet()) {
            if (!outcome.getKey().isTerminal()) {
                throw new IllegalArgumentException("finishedByOutcome: " + outcome.getKey() + " is not a terminal phase");
            }
            Require.atLeast(outcome.getValue(), 0, "finishedByOutcome." + outcome.getKey());
        }
        if ((timeToReconnectP50 == null) != (timeToReconnectP95 == null)) {
            throw new IllegalArgumentException("timeToReconnectP50 and timeToReconnectP95: both or neither");
        }
        if (timeToReconnectP50 != null && (timeToReconnectP50.isNegative() || timeToReconnectP95.compareTo(timeToReconnectP50) < 0)) {
            throw new IllegalArgumentException("timeToReconnect: need 0 <= p50 <= p95 but got " + timeToReconnectP50
                    + " and " + timeToReconnectP95);
        }
    }

    /** No recovery finished in the window starting at {@code since}. */
    public static RecoveryStatistics none(Instant since) {
        return new RecoveryStatistics(since, Map.of(), null, null);
    }

    /** Recoveries finished in the window with this outcome. */
    public int finished(Phase outcome) {
        return finishedByOutcome.getOrDefault(outcome, 0);
    }

    /** Every outcome in {@link Phase} order, with zeros, for a chart that keeps its categories. */
    public Map<Phase, Integer> everyOutcome() {
        Map<Phase, Integer> all = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (phase.isTerminal()) {
                all.put(phase, finished(phase));
            }
        }
        return all;
    }
}
