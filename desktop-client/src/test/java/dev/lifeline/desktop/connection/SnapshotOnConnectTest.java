package dev.lifeline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.ui.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SnapshotOnConnectTest {

    private final List<CompletableFuture<String>> asked = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private final SnapshotOnConnect<String> snapshots = new SnapshotOnConnect<>(() -> {
        CompletableFuture<String> answer = new CompletableFuture<>();
        asked.add(answer);
        return answer;
    }, applied::add, UiExecutor.DIRECT);

    @Test
    void theAnswerIsAppliedWhenTheSocketSentNoSnapshotMeanwhile() {
        snapshots.connected();

        asked.get(0).complete("answer");

        assertThat(applied).containsExactly("answer");
    }

    @Test
    void anAnswerOvertakenByTheSocketsSnapshotIsDropped() {
        snapshots.connected();
        snapshots.fromSocket("socket");

        asked.get(0).complete("older answer");

        assertThat(applied).containsExactly("socket");
    }

    @Test
    void aReconnectAsksAgainAndItsAnswerCountsFromThen() {
        snapshots.connected();
        snapshots.fromSocket("first socket");
        snapshots.connected();

        asked.get(1).complete("second answer");

        assertThat(applied).containsExactly("first socket", "second answer");
    }

    @Test
    void aFailedAnswerChangesNothing() {
        snapshots.connected();

        asked.get(0).completeExceptionally(new ServerProblem(503, "busy"));

        assertThat(applied).isEmpty();
    }
}
