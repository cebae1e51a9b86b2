package dev.lifeline.server.observability;

import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's per-queue figures as Prometheus gauges, labelled {@code queue} (the TaskQueue's name), read at
 * scrape time from the same rows the supervisor snapshot shows: TaskRouter's waiting now and longest wait, and the
 * last 30 minutes' figures of {@code waiting/QueueLedger}. One scrape reads the rows once for all six gauges. A figure
 * with nothing to go by (no caller answered or left in the window, no rate for an estimate) is absent rather than 0,
 * so an alert on it does not fire on a quiet queue.
 */
final class QueueGauges implements MultiCollector {

    static final String WAITING = "lifeline_taskqueue_waiting";
    static final String LONGEST_WAIT = "lifeline_taskqueue_longest_wait_seconds";
    static final String AVERAGE_WAIT = "lifeline_taskqueue_average_wait_seconds";
    static final String ESTIMATED_WAIT = "lifeline_taskqueue_estimated_wait_seconds";
    static final String SERVICE_LEVEL = "lifeline_taskqueue_service_level_ratio";
    static final String ABANDONMENT = "lifeline_taskqueue_abandonment_ratio";
    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final Supplier<List<QueueStats>> rows;

    QueueGauges(Supplier<List<QueueStats>> rows) {
        this.rows = rows;
    }

    @Override
    public MetricSnapshots collect() {
        List<QueueStats> queues;
        try {
            queues = rows.get();
        } catch (RuntimeException e) {
            // TaskRouter unreachable: the other metrics are still worth a scrape; the gauges go absent meanwhile.
            log.warn("queue figures unavailable for this scrape: {}", e.toString());
            return new MetricSnapshots();
        }
        List<MetricSnapshot> gauges = new ArrayList<>();
        gauges.add(gauge(WAITING, "Callers waiting in the queue now (TaskRouter)", queues,
                q -> OptionalDouble.of(q.waitingTasks())));
        gauges.add(gauge(LONGEST_WAIT, "Age in the queue of its oldest waiting caller (TaskRouter); 0 when none waits",
                queues, q -> OptionalDouble.of(q.longestWaitSeconds())));
        gauges.add(gauge(AVERAGE_WAIT, "Mean wait of the callers answered in the last 30 minutes", queues,
                q -> seconds(q.service() == null ? null : q.service().averageWait())));
        gauges.add(gauge(ESTIMATED_WAIT, "The wait a caller arriving now would be told (recent acceptance rate)", queues,
                q -> seconds(q.service() == null ? null : q.service().estimatedWait())));
        gauges.add(gauge(SERVICE_LEVEL, "Share of the callers answered in the last 30 minutes who were answered within "
                + "supervisor.service-level-seconds", queues, q -> service(q, QueueService::serviceLevel)));
        gauges.add(gauge(ABANDONMENT, "Share of the callers who left the queue in the last 30 minutes by hanging up "
                + "before an agent accepted them", queues, q -> service(q, QueueService::abandonmentRate)));
        return new MetricSnapshots(gauges);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(WAITING, LONGEST_WAIT, AVERAGE_WAIT, ESTIMATED_WAIT, SERVICE_LEVEL, ABANDONMENT);
    }

    private static GaugeSnapshot gauge(String name, String help, List<QueueStats> queues,
                                       Function<QueueStats, OptionalDouble> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        for (QueueStats queue : queues) {
            OptionalDouble v = value.apply(queue);
            if (v.isPresent()) {
                gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("queue", queue.queueName())).value(v.getAsDouble()).build());
            }
        }
        return gauge.build();
    }

    private static OptionalDouble service(QueueStats queue, Function<QueueService, OptionalDouble> figure) {
        return queue.service() == null ? OptionalDouble.empty() : figure.apply(queue.service());
    }

    private static OptionalDouble seconds(Duration duration) {
        return duration == null ? OptionalDouble.empty() : OptionalDouble.of(duration.toMillis() / 1e3);
    }
}
