package dev.lifeline.server.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.testsupport.SettableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The queue figures read from TaskRouter events: answered waits, abandonment, the estimate, and what is left out. */
class AcceptanceLogTest {

    private static final String WORKFLOW = "WW" + "1".repeat(32);
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final LifelineMetrics metrics = new LifelineMetrics();
    private final AcceptanceLog log = new AcceptanceLog(() -> WORKFLOW, clock, metrics);

    @Test
    void answeredWaitsAbandonmentAndTheEstimateAreMeasuredPerSkill() {
        event("task.created", "WT1", null, "{\"skill\":\"sales\"}");
        event("task.created", "WT2", null, "{\"skill\":\"sales\"}");
        event("task.created", "WT3", null, "{\"skill\":\"sales\"}");
        clock.set(START.plusSeconds(15));
        event("reservation.accepted", "WT1", "WR1", "{\"skill\":\"sales\"}");
        event("reservation.accepted", "WT1", "WR1", "{\"skill\":\"sales\"}"); // delivered twice
        clock.set(START.plusSeconds(45));
        event("reservation.accepted", "WT2", "WR2", "{\"skill\":\"sales\"}");
        event("task.canceled", "WT3", null, "{\"skill\":\"sales\"}"); // hung up while waiting
        event("task.canceled", "WT2", null, "{\"skill\":\"sales\"}"); // ended after it was answered: not abandoned

        String scrape = metrics.scrape();
        assertThat(scrape).contains("lifeline_queue_answer_wait_seconds_bucket{skill=\"sales\",le=\"20.0\"} 1")
                .contains("lifeline_queue_answer_wait_seconds_bucket{skill=\"sales\",le=\"60.0\"} 2")
                .contains("lifeline_queue_answer_wait_seconds_count{skill=\"sales\"} 2")
                .contains("lifeline_queue_abandoned_total{skill=\"sales\"} 1.0")
                .contains("lifeline_queue_estimated_wait_seconds{skill=\"sales\"} 30.0");
        assertThat(log.of("sales")).containsExactly(START.plusSeconds(15), START.plusSeconds(45));
    }

    @Test
    void reconnectsOutboundCallsAndOtherWorkflowsAreNoQueueService() {
        event("reservation.accepted", "WT1", "WR1", "{\"skill\":\"sales\",\"targetWorkerSid\":\"WK1\"}");
        event("reservation.accepted", "WT2", "WR2", "{\"direction\":\"outbound\"}");
        log.onTaskRouterEvent(new TaskRouterEvent("EV9", "reservation.accepted", "WT3", "{}", "assigned", null, "voice",
                "WQ1", "WW" + "9".repeat(32), "WK1", "WR3", "accepted"));

        assertThat(log.of("sales")).isEmpty();
        assertThat(log.of("")).isEmpty();
        assertThat(metrics.scrape()).doesNotContain("lifeline_queue_answer_wait_seconds_count{");
    }

    private void event(String type, String task, String reservation, String attributes) {
        log.onTaskRouterEvent(new TaskRouterEvent("EV" + type + task + reservation, type, task, attributes, "pending",
                type.equals("task.canceled") ? "hangup" : null, "voice", "WQ1", WORKFLOW, "WK1", reservation,
                reservation == null ? null : "accepted"));
    }
}
