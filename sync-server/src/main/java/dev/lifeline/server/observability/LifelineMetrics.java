package dev.lifeline.server.observability;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server's Prometheus metrics, each registered once in a registry of its own (so several servers in
 * one JVM, as in the cluster tests, don't collide).
 */
public final class LifelineMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Counter incidentsFinished = Counter.builder()
            .name("lifeline_incidents_finished_total")
            .help("Recovery incidents that reached a terminal phase, by outcome")
            .labelNames("outcome")
            .register(registry);

    private final Counter incidentsOpened = Counter.builder()
            .name("lifeline_incidents_opened_total")
            .help("Non-graceful agent drops detected")
            .register(registry);

    private final Histogram timeToReconnect = Histogram.builder()
            .name("lifeline_time_to_phase_seconds")
            .help("Time from the drop being detected to reaching a phase")
            .unit(Unit.SECONDS)
            .classicUpperBounds(0.5, 1, 2, 5, 10, 15, 30, 60, 120)
            .labelNames("phase")
            .register(registry);

    private final Histogram webhookLatency = Histogram.builder()
            .name("lifeline_webhook_handling_seconds")
            .help("Time to handle one webhook request, by kind")
            .unit(Unit.SECONDS)
            .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
            .labelNames("kind")
            .register(registry);

    private final Counter dedupeHits = Counter.builder()
            .name("lifeline_webhook_duplicates_total")
            .help("Webhook events recognised as already applied and skipped, by kind")
            .labelNames("kind")
            .register(registry);

    private final Counter webhooksRejected = Counter.builder()
            .name("lifeline_webhooks_rejected_total")
            .help("Webhook requests refused, by reason (signature, format)")
            .labelNames("reason")
            .register(registry);

    private final Counter partitionsLost = Counter.builder()
            .name("lifeline_partitions_lost_total")
            .help("Hazelcast partitions of a recovery map lost with all their replicas (more members died than backups), by map")
            .labelNames("map")
            .register(registry);

    private final Counter recordsRebuilt = Counter.builder()
            .name("lifeline_records_rebuilt_total")
            .help("Incidents and conference records recreated from Twilio's REST state after a partition loss, by kind")
            .labelNames("kind")
            .register(registry);

    private final Counter effectsFailed = Counter.builder()
            .name("lifeline_effects_failed_total")
            .help("Recovery effects that failed for good, by effect and reason (refused: Twilio answered 4xx; gone: the call had ended)")
            .labelNames("effect", "reason")
            .register(registry);

    private final Counter customersStranded = Counter.builder()
            .name("lifeline_customers_stranded_total")
            .help("Recoveries whose customer Twilio refused to put in a queue (phase STRANDED; supervisors are alerted)")
            .register(registry);

    public void effectFailed(String effect, String reason) {
        effectsFailed.labelValues(effect, reason).inc();
    }

    public void customerStranded() {
        customersStranded.inc();
    }

    /** Customers stranded so far (what the operator's alert and the tests read). */
    public long customersStranded() {
        return (long) customersStranded.get();
    }

    public void partitionLost(String map) {
        partitionsLost.labelValues(map).inc();
    }

    public void recordRebuilt(String kind) {
        recordsRebuilt.labelValues(kind).inc();
    }

    /** Partitions of {@code map} reported lost so far (what the operator's alert and the tests read). */
    public long partitionsLost(String map) {
        return (long) partitionsLost.labelValues(map).get();
    }

    /** Records of {@code kind} ({@code incident}, {@code conference}) rebuilt so far. */
    public long recordsRebuilt(String kind) {
        return (long) recordsRebuilt.labelValues(kind).get();
    }

    public void incidentOpened() {
        incidentsOpened.inc();
    }

    public void incidentFinished(String outcome) {
        incidentsFinished.labelValues(outcome).inc();
    }

    public void phaseReached(String phase, Duration sinceDetected) {
        timeToReconnect.labelValues(phase).observe(sinceDetected.toNanos() / 1e9);
    }

    public void webhookHandled(String kind, long nanos) {
        webhookLatency.labelValues(kind).observe(nanos / 1e9);
    }

    public void duplicateSkipped(String kind) {
        dedupeHits.labelValues(kind).inc();
    }

    /** Webhook events of {@code kind} recognised as already applied and skipped so far. */
    public long duplicatesSkipped(String kind) {
        return (long) dedupeHits.labelValues(kind).get();
    }

    public void webhookRejected(String reason) {
        webhooksRejected.labelValues(reason).inc();
    }

    // --- the queue experience (issue 19): what queued callers went through, by skill ('' = none) --------------

    private final Histogram queueAnswerWait = Histogram.builder()
            .name("lifeline_queue_answer_wait_seconds")
            .help("How long callers waited in the queue until an agent accepted them, by skill ('' = none); the share "
                    + "under a bucket is the service level")
            .unit(Unit.SECONDS)
            .classicUpperBounds(10, 20, 30, 60, 120, 300, 600, 1200)
            .labelNames("skill")
            .register(registry);

    private final Counter queueAbandoned = Counter.builder()
            .name("lifeline_queue_abandoned_total")
            .help("Callers whose queued task ended before an agent accepted it (hung up, left), by skill")
            .labelNames("skill")
            .register(registry);

    private final Gauge queueEstimatedWait = Gauge.builder()
            .name("lifeline_queue_estimated_wait_seconds")
            .help("The wait the next caller of a skill is told (recent acceptance rate, see WaitEstimator)")
            .unit(Unit.SECONDS)
            .labelNames("skill")
            .register(registry);

    public void queueAnswered(String skill, Duration waited) {
        queueAnswerWait.labelValues(skill).observe(waited.toMillis() / 1e3);
    }

    public void queueAbandoned(String skill) {
        queueAbandoned.labelValues(skill).inc();
    }

    public void queueEstimatedWait(String skill, Duration estimate) {
        queueEstimatedWait.labelValues(skill).set(estimate.toMillis() / 1e3);
    }

    /**
     * The supervisor's per-queue figures ({@code lifeline_taskqueue_*}, see {@link QueueGauges}), read from
     * {@code rows} at every scrape. Called once, at start.
     */
    public void queueFiguresFrom(java.util.function.Supplier<java.util.List<dev.lifeline.model.queue.QueueStats>> rows) {
        registry.register(new QueueGauges(rows));
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
