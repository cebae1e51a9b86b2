package dev.lifeline.sim.taskrouter.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact expressions Lifeline's recovery workflows and queues configure. */
class RecoveryExpressionsTest {

    @Test
    void recoveryPingFilterMatchesOnlyTasksNamingADisconnectedWorker() {
        Expression filter = Expression.parse("disconnectedWorkerSid != null");

        assertThat(filter.matches(Map.of("disconnectedWorkerSid", "WK0123"), Map.of(), Map.of())).isTrue();
        assertThat(filter.matches(Map.of("type", "inbound"), Map.of(), Map.of())).isFalse();
    }

    @Test
    void laterRecoveryPingFilterAlsoRequiresTheAttemptNotToHaveFailed() {
        Expression filter = Expression.parse("disconnectedWorkerSid != null AND recoveryAttemptFailed == false");

        assertThat(filter.matches(
                Map.of("disconnectedWorkerSid", "WK1", "recoveryAttemptFailed", false), Map.of(), Map.of())).isTrue();
        assertThat(filter.matches(
                Map.of("disconnectedWorkerSid", "WK1", "recoveryAttemptFailed", true), Map.of(), Map.of())).isFalse();
    }

    @Test
    void voiceWorkflowTopFilterMatchesOnlyTasksWithATargetWorker() {
        Expression filter = Expression.parse("targetWorkerSid != null");

        assertThat(filter.matches(Map.of("targetWorkerSid", "WK0123"), Map.of(), Map.of())).isTrue();
        assertThat(filter.matches(Map.of(), Map.of(), Map.of())).isFalse();
    }

    @Test
    void everyoneQueueTargetsEveryWorker() {
        Expression targetWorkers = Expression.parse("1 == 1");

        assertThat(targetWorkers.matches(Map.of(), Map.of(), Map.of())).isTrue();
        assertThat(targetWorkers.matches(Map.of("skills", List.of()), Map.of(), Map.of())).isTrue();
    }

    @Test
    void salesQueueTargetsWorkersWithTheSalesSkill() {
        Expression targetWorkers = Expression.parse("routing.skills HAS \"sales\"");

        assertThat(targetWorkers.matches(
                Map.of("routing", Map.of("skills", List.of("support", "sales"))), Map.of(), Map.of())).isTrue();
        assertThat(targetWorkers.matches(
                Map.of("routing", Map.of("skills", List.of("support"))), Map.of(), Map.of())).isFalse();
        assertThat(targetWorkers.matches(Map.of("routing", Map.of()), Map.of(), Map.of())).isFalse();
    }

    @Test
    void languageTargetMatchesWorkersSpeakingTheTasksLanguage() {
        Expression target = Expression.parse("task.language IN worker.languages");
        Map<String, Object> task = Map.of("language", "fr");

        assertThat(target.matches(Map.of(), task, Map.of("languages", List.of("en", "fr")))).isTrue();
        assertThat(target.matches(Map.of(), task, Map.of("languages", List.of("en")))).isFalse();
        assertThat(target.matches(Map.of(), task, Map.of())).isFalse();
    }
}
