package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.recovery.PhaseText;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.RecoveryStatistics;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The panel's last-hour figures, as the server counted them over the whole cluster: p50 and p95 time to reconnect
 * and the recoveries finished by outcome. One count per outcome, created once and updated in place, so the view's
 * chart (which owns the bars: a view model touches no nodes) keeps its categories in the same order.
 */
public final class RecoveryStatisticsViewModel {

    private static final String NONE = "—";

    private final ReadOnlyStringWrapper p50 = new ReadOnlyStringWrapper(this, "p50", NONE);
    private final ReadOnlyStringWrapper p95 = new ReadOnlyStringWrapper(this, "p95", NONE);
    private final ReadOnlyStringWrapper finished = new ReadOnlyStringWrapper(this, "finished", "");
    private final Map<Phase, ReadOnlyIntegerWrapper> counts = new LinkedHashMap<>();
    private final Map<String, ReadOnlyIntegerProperty> outcomes = new LinkedHashMap<>();

    public RecoveryStatisticsViewModel() {
        for (Phase phase : Phase.values()) {
            if (phase.isTerminal()) {
                ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, phase.name(), 0);
                counts.put(phase, count);
                outcomes.put(PhaseText.label(phase), count.getReadOnlyProperty());
            }
        }
        apply(null);
    }

    /** @param statistics the snapshot's; {@code null} reads as an hour with no recovery */
    public void apply(RecoveryStatistics statistics) {
        p50.set(text(statistics == null ? null : statistics.timeToReconnectP50()));
        p95.set(text(statistics == null ? null : statistics.timeToReconnectP95()));
        int total = 0;
        for (Map.Entry<Phase, ReadOnlyIntegerWrapper> outcome : counts.entrySet()) {
            int count = statistics == null ? 0 : statistics.finished(outcome.getKey());
            total += count;
            outcome.getValue().set(count);
        }
        finished.set(total == 0 ? "No recovery finished in the last hour"
                : total + (total == 1 ? " recovery" : " recoveries") + " finished in the last hour");
    }

    private static String text(Duration duration) {
        return duration == null ? NONE : Durations.tenths(duration);
    }

    /** Median time to reconnect of the recoveries restored in the last hour ({@code 4.2 s}), or a dash. */
    public ReadOnlyStringProperty p50Property() {
        return p50.getReadOnlyProperty();
    }

    /** 95th percentile of the same, or a dash. */
    public ReadOnlyStringProperty p95Property() {
        return p95.getReadOnlyProperty();
    }

    /** How many recoveries finished in the last hour, in words. */
    public ReadOnlyStringProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Recoveries in the last hour per terminal outcome, by its label, in the chart's order (the same every time). */
    public Map<String, ReadOnlyIntegerProperty> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }
}
