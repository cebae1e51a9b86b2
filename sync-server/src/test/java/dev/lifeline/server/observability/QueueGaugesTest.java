package dev.lifeline.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supervisor's per-queue figures at scrape time: exact values, absent when there is nothing to go by. */
class QueueGaugesTest {

    private final LifelineMetrics metrics = new LifelineMetrics();

    @Test
    void eachQueueRowBecomesSixGaugesLabelledWithTheQueueName() {
        metrics.queueFiguresFrom(() -> List.of(
                new QueueStats("Sales", "WQ1", 2, 95, 0, 1, 0, new QueueService(Duration.ofMinutes(30), 20, 2, 1, 1,
                        Duration.ofMillis(17_500), Duration.ofSeconds(15))),
                new QueueStats("Quiet", "WQ2", 0, 0, 1, 0, 0, new QueueService(Duration.ofMinutes(30), 20, 0, 0, 0,
                        null, null))));

        String scrape = metrics.scrape();

        assertThat(scrape).contains("lifeline_taskqueue_waiting{queue=\"Sales\"} 2.0",
                "lifeline_taskqueue_longest_wait_seconds{queue=\"Sales\"} 95.0",
                "lifeline_taskqueue_average_wait_seconds{queue=\"Sales\"} 17.5",
                "lifeline_taskqueue_estimated_wait_seconds{queue=\"Sales\"} 15.0",
                "lifeline_taskqueue_service_level_ratio{queue=\"Sales\"} 0.5",
                "lifeline_taskqueue_abandonment_ratio{queue=\"Sales\"} 0.3333",
                "lifeline_taskqueue_waiting{queue=\"Quiet\"} 0.0");
        // A quiet queue has no rates: absent, so an alert on them does not fire on it.
        assertThat(scrape).doesNotContain("lifeline_taskqueue_service_level_ratio{queue=\"Quiet\"}",
                "lifeline_taskqueue_abandonment_ratio{queue=\"Quiet\"}", "lifeline_taskqueue_average_wait_seconds{queue=\"Quiet\"}");
    }

    @Test
    void rowsThatCannotBeReadLeaveTheRestOfTheScrapeIntact() {
        metrics.queueFiguresFrom(() -> {
            throw new IllegalStateException("TaskRouter unreachable");
        });
        metrics.customerStranded();

        assertThat(metrics.scrape()).contains("lifeline_customers_stranded_total").doesNotContain("lifeline_taskqueue_waiting{");
    }
}
