package dev.lifeline.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** Issue 18 item 2 on the real desk (TestFX): the call card's per-party controls, Add, Transfer and a warm transfer. */
class CallControlsOnTheDeskTest extends DesktopUiTest {

    private void onACall() {
        awaitDesk();
        server.push(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
        Await.untilFx("the call shows", () -> shown("#callCard") && lookup("#partyHold-CAcustomer").tryQuery().isPresent());
    }

    @Test
    void eachPartyHasHoldMuteAndRemoveWhereTheyMakeSense() {
        onACall();

        assertThat(disabled("#partyRemove-CAcustomer")).as("the customer is never removed").isTrue();
        assertThat(disabled("#partyRemove-CAagent")).as("the agent hangs up instead").isTrue();
        assertThat(disabled("#partyHold-CAagent")).isTrue();
        assertThat(disabled("#partyMute-CAagent")).isFalse();
        fire("#partyHold-CAcustomer");

        Await.until("hold reaches the server", () -> !server.commands(HoldParticipant.class).isEmpty());
        assertThat(server.commands(HoldParticipant.class)).containsExactly(new HoldParticipant("CF1", "CAcustomer"));
        server.push(new ConferenceChanged(Samples.call("CF1", "WT1", true, false)));
        Await.untilFx("the row offers Resume", () -> "Resume".equals(text("#partyHold-CAcustomer")));
    }

    @Test
    void addIsEnabledOnceSomethingIsTypedAndSendsTheNumber() {
        onACall();
        assertThat(disabled("#addButton")).isTrue();

        type("#addTarget", "+15551230002");
        Await.untilFx("Add is enabled", () -> !disabled("#addButton"));
        fire("#addButton");

        Await.until("the add reaches the server", () -> !server.commands(AddParty.class).isEmpty());
        assertThat(server.commands(AddParty.class)).containsExactly(AddParty.number("CF1", "+15551230002"));
    }

    @Test
    void aWarmTransferShowsCompleteOnceTheTargetHasJoined() {
        onACall();
        assertThat(shown("#transferUnderWayRow")).isFalse();
        type("#transferTarget", "bob");
        fire("#warmTransferButton");

        Await.untilFx("the transfer is under way", () -> shown("#transferUnderWayRow"));
        assertThat(server.commands(TransferCall.class)).containsExactly(TransferCall.toAgent("CF1", "bob", true));
        assertThat(disabled("#completeTransferButton")).isTrue();
        assertThat(disabled("#cancelTransferButton")).isFalse();
        assertThat(disabled("#coldTransferButton")).isTrue();
        server.push(new ConferenceChanged(withBob()));
        Await.untilFx("Complete is enabled", () -> !disabled("#completeTransferButton"));
        fire("#completeTransferButton");

        Await.until("the completion reaches the server", () -> !server.commands(CompleteTransfer.class).isEmpty());
        Await.untilFx("the transfer row goes", () -> !shown("#transferUnderWayRow"));
    }

    @Test
    void aRefusedTransferIsShownInADialogInTheServersWords() {
        onACall();
        server.refuseCommands(Problem.conflict("bob is not Available"));
        type("#transferTarget", "bob");
        fire("#coldTransferButton");

        Await.untilFx("the refusal dialog shows", () -> lookup("#callControlRefusedDialog").tryQuery().isPresent());
        assertThat(Await.onFx(() -> lookup("#callControlRefusedDialog").queryAs(DialogPane.class).getContentText()))
                .isEqualTo("bob is not Available");
        assertThat(shown("#transferUnderWayRow")).isFalse();
    }

    private void type(String query, String text) {
        interact(() -> lookup(query).queryAs(TextField.class).setText(text));
    }

    /** Fired, not clicked: the card may be taller than the test window, and what is tested is the wiring. */
    private void fire(String query) {
        interact(() -> lookup(query).queryAs(ButtonBase.class).fire());
    }

    private static ConferenceView withBob() {
        ConferenceView call = Samples.call("CF1", "WT1", true, false);
        List<ParticipantView> parties = new ArrayList<>(call.participants());
        parties.add(new ParticipantView("CAbob", ParticipantRole.WORKER, "bob", "Bob Agent", false, false, false));
        return new ConferenceView(call.conferenceSid(), call.taskSid(), parties, call.startedAt(), null);
    }
}
