package dev.lifeline.server.supervisor;

import com.hazelcast.aggregation.Aggregator;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.RecoveryStatistics;
import dev.lifeline.server.desktop.WireViews;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the recoveries that finished since a moment, on the members that own them: Hazelcast runs one tally per
 * member over its own partitions' terminal incidents and combines them, so only the counts and the restored
 * recoveries' times to reconnect travel, and the result is the same whichever member asks.
 */
final class RecoveryTally implements Aggregator<Map.Entry<String, Incident>, RecoveryTally> {

    private static final long serialVersionUID = 1L;

    private final Instant since;
    private final EnumMap<Phase, Integer> finishedByOutcome = new EnumMap<>(Phase.class);
    /** Detection → RESTORED of each recovery restored in the window, in milliseconds. */
    private final ArrayList<Long> reconnectMillis = new ArrayList<>();

    RecoveryTally(Instant since) {
        this.since = since;
    }

    @Override
    public void accumulate(Map.Entry<String, Incident> entry) {
        Incident incident = entry.getValue();
        if (!incident.isTerminal() || WireViews.finishedAt(incident).isBefore(since)) {
            return;
        }
        finishedByOutcome.merge(incident.phase(), 1, Integer::sum);
        Instant detected = incident.timestamps().get(Phase.DETECTED);
        Instant restored = incident.timestamps().get(Phase.RESTORED);
        if (incident.phase() == Phase.RESTORED && detected != null && restored != null && !restored.isBefore(detected)) {
            reconnectMillis.add(Duration.between(detected, restored).toMillis());
        }
    }

    @Override
    public void combine(Aggregator aggregator) {
        RecoveryTally other = (RecoveryTally) aggregator;
        other.finishedByOutcome.forEach((outcome, count) -> finishedByOutcome.merge(outcome, count, Integer::sum));
        reconnectMillis.addAll(other.reconnectMillis);
    }

    @Override
    public RecoveryTally aggregate() {
        return this;
    }

    /** The figures the panel shows: counts by outcome, and p50/p95 of the time to reconnect (nearest rank). */
    RecoveryStatistics statistics() {
        List<Long> sorted = new ArrayList<>(reconnectMillis);
        Collections.sort(sorted);
        Duration p50 = sorted.isEmpty() ? null : Duration.ofMillis(nearestRank(sorted, 50));
        Duration p95 = sorted.isEmpty() ? null : Duration.ofMillis(nearestRank(sorted, 95));
        return new RecoveryStatistics(since, finishedByOutcome, p50, p95);
    }

    /** The smallest value with at least {@code percentile} % of the sample at or below it. */
    static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
