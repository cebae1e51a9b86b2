package dev.lifeline.desktop.supervisor;

import dev.lifeline.model.queue.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The last 30 minutes of each queue's wait (its longest-waiting caller, as TaskRouter counts it), one point per
 * {@link #RESOLUTION} at most, for the panel's wait-time chart. Time is the snapshots' own ({@code takenAt}, the
 * server's clock), so the chart is right whatever the desktop's clock says and a test drives it by the snapshots it
 * pushes. Bounded: at most {@code WINDOW / RESOLUTION + 1} points per queue, and a queue gone from the snapshots
 * leaves once its last point is older than the window.
 */
public final class QueueWaitHistory {

    public static final Duration WINDOW = Duration.ofMinutes(30);
    /** Snapshots come once a second; a point every 10 s is smooth enough and keeps the chart at 181 points a queue. */
    public static final Duration RESOLUTION = Duration.ofSeconds(10);

    /** One point: at {@code at}, the queue's oldest caller had waited {@code longestWaitSeconds}. */
    public record Point(Instant at, long longestWaitSeconds) {
    }

    private final Map<String, Deque<Point>> byQueue = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");
    private Instant latest;

    void record(Instant at, List<QueueStats> queues) {
        if (latest != null && at.isBefore(latest)) {
            return; // a late one (the snapshot fetched on connect after a pushed one): the chart has newer
        }
        latest = at;
        for (QueueStats queue : queues) {
            Deque<Point> points = byQueue.computeIfAbsent(queue.queueName(), name -> new ArrayDeque<>());
            if (points.isEmpty() || !at.isBefore(points.peekLast().at().plus(RESOLUTION))) {
                points.addLast(new Point(at, queue.waitingTasks() == 0 ? 0 : queue.longestWaitSeconds()));
            }
        }
        Instant since = at.minus(WINDOW);
        for (Iterator<Deque<Point>> it = byQueue.values().iterator(); it.hasNext(); ) {
            Deque<Point> points = it.next();
            while (!points.isEmpty() && points.peekFirst().at().isBefore(since)) {
                points.removeFirst();
            }
            if (points.isEmpty()) {
                it.remove();
            }
        }
        changes.set(changes.get() + 1);
    }

    /** Each queue's points, oldest first. */
    public Map<String, List<Point>> points() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        byQueue.forEach((queue, points) -> copy.put(queue, List.copyOf(points)));
        return copy;
    }

    /** The time of the latest snapshot, where the chart's "now" is; null before the first. */
    public Instant latest() {
        return latest;
    }

    /** Goes up with every snapshot recorded: the chart redraws on it. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }
}
