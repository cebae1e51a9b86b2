package dev.lifeline.server.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.queue.QueueService;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-queue figures: which queue a caller counts for, each task once, and who is no queue service. */
class QueueLedgerTest {

    private static final String WORKFLOW = "WW" + "1".repeat(32);
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final QueueLedger ledger = new QueueLedger(() -> WORKFLOW, clock, 20);

    @Test
    void anOverflowedCallerCountsForTheBackupQueueThatAnsweredWithTheirWholeWait() {
        event("task.created", "WT1", null, null, "{}");
        clock.set(START.plusSeconds(25));
        event("reservation.accepted", "WT1", "WR1", "WQbackup", "{}");
        event("reservation.accepted", "WT1", "WR1", "WQbackup", "{}"); // delivered twice
        event("task.canceled", "WT1", null, "WQbackup", "{}"); // ended after it was answered: not abandoned

        QueueService backup = ledger.figures("WQbackup", 0);
        assertThat(backup.answered()).isEqualTo(1);
        assertThat(backup.answeredInTime()).isZero();
        assertThat(backup.abandoned()).isZero();
        assertThat(backup.averageWait()).isEqualTo(Duration.ofSeconds(25));
        assertThat(ledger.figures("WQfirst", 0).answered()).isZero();
    }

    @Test
    void reconnectsOutboundCallsCallbacksAndOtherWorkflowsAreNoQueueService() {
        for (String attributes : new String[] {"{\"targetWorkerSid\":\"WK1\"}", "{\"direction\":\"outbound\"}",
                "{\"type\":\"callback\",\"callbackId\":\"cb-1\"}"}) {
            event("task.created", "WT" + attributes.hashCode(), null, null, attributes);
            event("task.canceled", "WT" + attributes.hashCode(), null, "WQ1", attributes);
        }
        ledger.onTaskRouterEvent(new TaskRouterEvent("EV9", "task.created", "WT9", "{}", "pending", null, "voice", null,
                "WW" + "9".repeat(32), null, null, null));
        ledger.onTaskRouterEvent(new TaskRouterEvent("EV10", "task.canceled", "WT9", "{}", "canceled", "hangup", "voice",
                "WQ1", "WW" + "9".repeat(32), null, null, null));

        QueueService service = ledger.figures("WQ1", 0);
        assertThat(service.abandoned()).isZero();
        assertThat(service.answered()).isZero();
    }

    @Test
    void theEstimateIsForACallerBehindEveryoneWaitingNow() {
        for (int i = 1; i <= 3; i++) {
            event("task.created", "WT" + i, null, null, "{}");
        }
        clock.set(START.plusSeconds(10));
        event("reservation.accepted", "WT1", "WR1", "WQ1", "{}");
        clock.set(START.plusSeconds(40));
        event("reservation.accepted", "WT2", "WR2", "WQ1", "{}");

        // One caller per 30 s; one still waits, so a new caller is second.
        assertThat(ledger.figures("WQ1", 1).estimatedWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ledger.figures("WQ1", 1).answeredInTime()).isEqualTo(1);
    }

    private void event(String type, String task, String reservation, String queue, String attributes) {
        ledger.onTaskRouterEvent(new TaskRouterEvent("EV" + type + task + reservation, type, task, attributes, "pending",
                type.equals("task.canceled") ? "hangup" : null, "voice", queue, WORKFLOW, "WK1", reservation,
                reservation == null ? null : "accepted"));
    }
}
