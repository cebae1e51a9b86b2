package dev.lifeline.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.queue.AgentStatus;
import dev.lifeline.model.queue.AgentWorkState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The supervisor's listen-in, as plain JUnit: what it asks the server, which calls its phone answers. */
class ListenViewModelTest {

    private static final String LISTEN_CALL_FROM = "sip:lifeline-listen@lifeline.sip.twilio.com";

    private final List<String> asked = new ArrayList<>();
    private final List<String> phone = new ArrayList<>();
    private CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);
    private final ListenViewModel listen = new ListenViewModel((route, conference) -> {
        asked.add(route.substring(route.lastIndexOf('/') + 1) + " " + conference);
        return answer;
    }, UiExecutor.DIRECT, call -> phone.add("answer " + call), call -> phone.add("decline " + call),
            call -> phone.add("hang up " + call));

    private static AgentRow onCall(String conferenceSid) {
        return new AgentRow(new AgentStatus(new AgentView("WKalice", "alice", "Alice Agent", "Available",
                AgentPresence.ONLINE, Instant.now(), Set.of(Role.AGENT)), AgentWorkState.ON_CALL, Instant.now(), conferenceSid));
    }

    @Test
    void listenAnswersOnlyTheServersCallThenWhispersAndLeaves() {
        listen.listen(onCall("CF1"));
        listen.ringing("CAother", "sip:+15550100@lifeline.sip.twilio.com");
        listen.ringing("CAlisten", LISTEN_CALL_FROM);
        listen.whisper();
        listen.leave();

        assertThat(asked).containsExactly("listen CF1", "whisper CF1", "leave CF1");
        assertThat(phone).containsExactly("decline CAother", "answer CAlisten", "hang up CAlisten");
        assertThat(listen.modeProperty().get()).isEqualTo(ListenViewModel.Mode.IDLE);
    }

    @Test
    void theListenCallerIsDeclinedWhenTheSupervisorDidNotAskToListen() {
        listen.ringing("CAlisten", LISTEN_CALL_FROM);

        assertThat(phone).containsExactly("decline CAlisten");
        assertThat(listen.modeProperty().get()).isEqualTo(ListenViewModel.Mode.IDLE);
    }

    @Test
    void aRefusedListenIsARefusalToShowAndLeavesTheSupervisorFreeToTryAgain() {
        answer = CompletableFuture.failedFuture(new ServerProblem(409, "Nobody to listen to: no agent is on this call"));

        listen.listen(onCall("CF1"));

        assertThat(listen.refusalProperty().get()).contains("Could not listen to Alice Agent")
                .contains("Nobody to listen to");
        assertThat(listen.modeProperty().get()).isEqualTo(ListenViewModel.Mode.IDLE);
        assertThat(listen.canListenTo(onCall("CF1"))).isTrue();
    }

    @Test
    void anAgentWithoutACallOrASecondCallWhileListeningCannotBeListenedTo() {
        assertThat(listen.canListenTo(onCall(null))).isFalse();

        listen.listen(onCall("CF1"));
        listen.ringing("CAlisten", LISTEN_CALL_FROM);

        assertThat(listen.canListenTo(onCall("CF2"))).as("on a call already").isFalse();
        assertThat(listen.canListenTo(onCall("CF1"))).as("listening already").isFalse();
    }

    @Test
    void theCallEndingFromTheServerSideTakesTheSupervisorOffIt() {
        listen.listen(onCall("CF1"));
        listen.ringing("CAlisten", LISTEN_CALL_FROM);

        listen.callEnded("CAlisten");

        assertThat(listen.modeProperty().get()).isEqualTo(ListenViewModel.Mode.IDLE);
        assertThat(listen.statusProperty().get()).startsWith("Off Alice Agent's call");
        assertThat(phone).doesNotContain("hang up CAlisten");
    }
}
