package dev.lifeline.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.problem.Problem;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 3 on the supervisor's panel: Listen, Whisper and Leave on an agent's live call, the supervisor's phone
 * answering only the server's listen call, and a readable dialog when the server refuses.
 */
class ListenInTest extends DesktopUiTest {

    /** The server's listen call as SIP delivers it: {@code From: <sip:lifeline-listen@…>}. */
    private static final String LISTEN_CALL_FROM = "sip:lifeline-listen@lifeline.sip.twilio.com";

    @Override
    protected void script(FakeLifelineServer server) {
        server.queueSnapshot(Samples.queue(List.of(), List.of()));
    }

    @Override
    protected String signInAs() {
        return "sam";
    }

    @SuppressWarnings("unchecked")
    private TableView<AgentRow> agents() {
        return Await.onFx(() -> (TableView<AgentRow>) lookup("#agentTable").queryAs(TableView.class));
    }

    private void awaitPanelAndPhone() {
        Await.untilFx("the panel shows the agents", () -> lookup("#agentTable").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 3).orElse(false));
        Await.until("the supervisor's phone registered", () -> log.contains("softphone:register sam"));
    }

    private void select(int row) {
        interact(() -> agents().getSelectionModel().select(row));
    }

    @Test
    void theSupervisorListensWhispersAndLeavesTheSelectedAgentsCall() {
        awaitPanelAndPhone();
        assertThat(disabled("#listenButton")).as("no agent selected").isTrue();
        select(0);
        Await.untilFx("Listen applies to alice's live call", () -> !lookup("#listenButton").query().isDisabled());
        assertThat(disabled("#whisperButton")).isTrue();

        clickOn("#listenButton");

        Await.until("the server is asked to listen", () -> server.supervisedCalls().contains("listen CF1"));
        assertThat(text("#listenState")).startsWith("Calling your phone to listen to Alice Agent");
        softphone.ring("CAlisten", LISTEN_CALL_FROM);
        Await.until("the phone answers the server's call", () -> log.contains("softphone:answer CAlisten"));
        Await.untilFx("listening", () -> text("#listenState").startsWith("Listening to Alice Agent"));
        assertThat(disabled("#whisperButton")).isFalse();

        clickOn("#whisperButton");

        Await.until("the server is asked to whisper", () -> server.supervisedCalls().contains("whisper CF1"));
        Await.untilFx("whispering", () -> text("#listenState").startsWith("Whispering to Alice Agent"));
        assertThat(disabled("#whisperButton")).isTrue();

        clickOn("#leaveCallButton");

        Await.until("the server is asked to take the leg out", () -> server.supervisedCalls().contains("leave CF1"));
        Await.until("the phone hangs up", () -> log.contains("softphone:hangup CAlisten"));
        Await.untilFx("off the call", () -> disabled("#leaveCallButton"));
        assertThat(server.supervisedCalls()).containsExactly("listen CF1", "whisper CF1", "leave CF1");
    }

    @Test
    void thePhoneDeclinesEveryCallButTheListenCallItAskedFor() {
        awaitPanelAndPhone();

        softphone.ring("CAstranger", LISTEN_CALL_FROM);
        Await.until("an unasked-for call is declined, even from the listen caller", () -> log.contains("softphone:reject CAstranger"));
        select(0);
        Await.untilFx("Listen applies", () -> !lookup("#listenButton").query().isDisabled());
        clickOn("#listenButton");
        Await.until("the server is asked to listen", () -> server.supervisedCalls().contains("listen CF1"));
        softphone.ring("CAcustomer", "sip:+15551230001@lifeline.sip.twilio.com");

        Await.until("a call from anyone else is declined", () -> log.contains("softphone:reject CAcustomer"));
        assertThat(log).doesNotContain("softphone:answer CAstranger", "softphone:answer CAcustomer");
    }

    @Test
    void anAgentWithoutALiveCallCannotBeListenedTo() {
        awaitPanelAndPhone();

        select(1);

        Await.untilFx("bob is selected", () -> agents().getSelectionModel().getSelectedIndex() == 1);
        assertThat(disabled("#listenButton")).as("bob is idle").isTrue();
    }

    @Test
    void aListenTheServerRefusesIsSaidInADialogAndChangesNothing() {
        server.refuseSupervision(Problem.conflict("Nobody to listen to: no agent is on this call (a recovery may be under way)"));
        awaitPanelAndPhone();
        select(0);
        Await.untilFx("Listen applies", () -> !lookup("#listenButton").query().isDisabled());

        clickOn("#listenButton");

        Await.untilFx("the refusal dialog shows", () -> lookup("#listenRefusedDialog").tryQuery().isPresent());
        assertThat(Await.onFx(() -> lookup("#listenRefusedDialog").queryAs(DialogPane.class).getContentText()))
                .contains("Could not listen to Alice Agent").contains("Nobody to listen to: no agent is on this call");
        assertThat(disabled("#leaveCallButton")).isTrue();
        assertThat(disabled("#listenButton")).as("free to try again").isFalse();
    }

    @Test
    void theSupervisorIsToldWhenTheCallTheyListenToEndsOrTheAgentDrops() {
        awaitPanelAndPhone();
        select(0);
        Await.untilFx("Listen applies", () -> !lookup("#listenButton").query().isDisabled());
        clickOn("#listenButton");
        Await.until("the server is asked to listen", () -> server.supervisedCalls().contains("listen CF1"));
        softphone.ring("CAlisten", LISTEN_CALL_FROM);
        Await.untilFx("listening", () -> text("#listenState").startsWith("Listening to Alice Agent"));

        softphone.endCall("CAlisten");

        Await.untilFx("off the call", () -> text("#listenState").startsWith("Off Alice Agent's call"));
        assertThat(disabled("#leaveCallButton")).isTrue();
        assertThat(disabled("#whisperButton")).isTrue();
    }
}
