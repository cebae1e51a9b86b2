package dev.lifeline.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.reservation.ReservationView;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class AgentCallFlowTest extends DesktopUiTest {

    private final ReservationView offer = Samples.offer("WR1", "WT1");
    private final ConferenceView call = Samples.call("CF1", "WT1", false, false);

    @Override
    protected void script(FakeLifelineServer server) {
        // What sync-server does on accept: the reservation is accepted and the conference comes up.
        server.onCommand(command -> {
            if (command instanceof AcceptReservation accept && accept.reservationSid().equals("WR1")) {
                server.push(new ReservationChanged(Samples.accepted(offer)));
                server.push(new ConferenceChanged(call));
            }
        });
    }

    private void ring() {
        awaitDesk();
        server.push(new ReservationOffered(offer));
        Await.untilFx("the incoming call shows", () -> shown("#offerCard"));
    }

    @Test
    void offeredReservationShowsTheCallerAndARingCountdown() {
        ring();

        assertThat(text("#callerName")).isEqualTo("Jane Doe");
        assertThat(text("#callerDetails")).contains(Samples.CUSTOMER_NUMBER).contains("Support");
        assertThat(text("#ringCountdown")).matches("\\d+ s");
    }

    @Test
    void acceptingMovesTheDeskToTalkingWithTheParticipants() {
        ring();

        clickOn("#acceptButton");

        Await.untilFx("the call shows", () -> shown("#callCard"));
        assertThat(server.commands(AcceptReservation.class)).containsExactly(new AcceptReservation("WR1"));
        assertThat(text("#callState")).isEqualTo("Talking");
        // The timer counts from the conference's start (75 s before the sample was made), not from the click; how
        // much more has passed depends on how busy the machine is.
        String timer = text("#callTimer");
        assertThat(timer).matches("\\d+:\\d\\d");
        assertThat(Integer.parseInt(timer.split(":")[0]) * 60 + Integer.parseInt(timer.split(":")[1])).isGreaterThanOrEqualTo(75);
        assertThat(Await.onFx(() -> lookup("#participantsTable").queryAs(TableView.class).getItems().size())).isEqualTo(2);
        assertThat(shown("#offerCard")).isFalse();
    }

    @Test
    void ctrlEnterAcceptsAndCtrlBackspaceRejects() {
        ring();
        press(KeyCode.CONTROL, KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE, KeyCode.CONTROL);
        Await.until("the reject reaches the server", () -> !server.commands(RejectReservation.class).isEmpty());

        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Await.until("the accept reaches the server", () -> !server.commands(AcceptReservation.class).isEmpty());
    }

    @Test
    void hangUpTellsTheServerBeforeTheSoftphoneLeavesTheCall() {
        ring();
        clickOn("#acceptButton");
        softphone.ring("CAagent");
        Await.untilFx("the call shows", () -> shown("#callCard"));

        clickOn("#hangUpButton");

        Await.until("the softphone hangs up", () -> log.contains("softphone:hangup CAagent"));
        assertThat(server.commands(HangUp.class)).containsExactly(new HangUp("CF1", "WT1"));
        assertThat(log.indexOf("server:HangUp")).isLessThan(log.indexOf("softphone:hangup CAagent"));
    }

    @Test
    void refusedHangUpKeepsTheCallAndSaysWhy() {
        ring();
        clickOn("#acceptButton");
        softphone.ring("CAagent");
        Await.untilFx("the call shows", () -> shown("#callCard"));
        server.refuseCommands(dev.lifeline.model.problem.Problem.conflict("the call is being transferred"));

        clickOn("#hangUpButton");

        Await.untilFx("the error shows", () -> !text("#callError").isEmpty());
        assertThat(text("#callError")).isEqualTo("the call is being transferred");
        assertThat(log).doesNotContain("softphone:hangup CAagent");
    }

    @Test
    void muteAndHoldAreSentForTheRightLegs() {
        ring();
        clickOn("#acceptButton");
        Await.untilFx("the call shows", () -> shown("#callCard"));

        clickOn("#muteButton");
        Await.until("mute reaches the server", () -> !server.commands(MuteParticipant.class).isEmpty());
        clickOn("#holdButton");
        Await.until("hold reaches the server", () -> !server.commands(HoldParticipant.class).isEmpty());

        assertThat(server.commands(MuteParticipant.class)).containsExactly(new MuteParticipant("CF1", "CAagent", true));
        assertThat(server.commands(HoldParticipant.class)).containsExactly(new HoldParticipant("CF1", "CAcustomer"));
        server.push(new ConferenceChanged(Samples.call("CF1", "WT1", true, true)));
        Await.untilFx("the state shows hold and mute", () -> "Resume".equals(text("#holdButton")) && "Unmute".equals(text("#muteButton")));
        assertThat(text("#callState")).isEqualTo("On hold");
    }

    @Test
    void choosingAnActivitySendsIt() {
        awaitDesk();
        interact(() -> lookup("#activitySelector").queryAs(ComboBox.class).getSelectionModel().select(Activity.BREAK));

        Await.until("the activity reaches the server", () -> !server.commands(SetActivity.class).isEmpty());
        assertThat(server.commands(SetActivity.class)).containsExactly(new SetActivity(Activity.BREAK));
    }

    @Test
    void lostServerShowsReconnectingAndTheStateIsFetchedAgain() {
        awaitDesk();
        int connectsBefore = server.connects();

        server.dropSockets();

        Await.untilFx("the status bar says reconnecting", () -> text("#connectionState").startsWith("Reconnecting"));
        Await.untilFx("the desk is connected again", () -> "Connected".equals(text("#connectionState")));
        // The client may see the upgrade complete a moment before the server's connect handler has run.
        Await.until("the server sees the new connection", () -> server.connects() > connectsBefore);
        Await.until("the desktop asks for its whole state again", () -> server.stateRequests() >= 2);
    }

    @Test
    void theDeskSurvivesASmallWindow() {
        ring();
        interact(() -> {
            shell.stage().setWidth(720);
            shell.stage().setHeight(520);
        });

        assertThat(shown("#acceptButton")).isTrue();
        assertThat(shown("#connectionState")).isTrue();
    }
}
