package dev.lifeline.desktop.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.app.DesktopConfig;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.reservation.ReservationView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1's last bullet on the whole desktop (headless Monocle, the fake server, a recording softphone):
 * the status bar's phone line, the offer's ring, mute, the input level meter, the keypad and the audio settings
 * dialog reached from the desk.
 */
class PhoneOnTheDeskTest extends DesktopUiTest {

    private final ReservationView offer = Samples.offer("WR1", "WT1");
    private Path configDirectory;

    @Override
    protected void script(FakeLifelineServer server) {
        server.onCommand(command -> {
            if (command instanceof AcceptReservation accept && accept.reservationSid().equals("WR1")) {
                server.push(new ReservationChanged(Samples.accepted(offer)));
                server.push(new ConferenceChanged(Samples.call("CF1", "WT1", false, false)));
            }
            if (command instanceof MuteParticipant mute) {
                server.push(new ConferenceChanged(Samples.call("CF1", "WT1", false, mute.muted())));
            }
        });
    }

    @Override
    protected DesktopConfig configure(DesktopConfig config) {
        try {
            configDirectory = Files.createTempDirectory("lifeline-config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config.withConfigDirectory(configDirectory);
    }

    private void inCall() {
        awaitDesk();
        server.push(new ReservationOffered(offer));
        Await.untilFx("the incoming call shows", () -> shown("#offerCard"));
        clickOn("#acceptButton");
        softphone.ring("CAagent");
        Await.untilFx("the call shows", () -> shown("#callCard"));
    }

    @Test
    void theStatusBarSaysPhoneReadyOrWhyNot() {
        awaitDesk();
        softphone.publish(SoftphoneState.registering());
        Await.untilFx("registering", () -> text("#phoneStatus").equals("Connecting the phone…"));

        softphone.publish(SoftphoneState.failed("wrong SIP password"));
        Await.untilFx("the wrong password", () -> text("#phoneStatus").equals("Phone not ready: wrong SIP password"));
        assertThat(Await.onFx(() -> lookup("#phoneStatus").query().getPseudoClassStates().toString())).contains("problem");

        softphone.publish(SoftphoneState.failed("the SIP server at 127.0.0.1:5060 does not answer"));
        Await.untilFx("no network", () -> text("#phoneStatus")
                .equals("Phone not ready: the SIP server at 127.0.0.1:5060 does not answer"));

        softphone.publish(SoftphoneState.ready().withAudioProblem("no microphone found"));
        Await.untilFx("no audio device", () -> text("#phoneStatus").equals("Phone ready (no microphone found)"));

        softphone.publish(SoftphoneState.ready());
        Await.untilFx("ready", () -> text("#phoneStatus").equals("Phone ready"));
        assertThat(Await.onFx(() -> lookup("#phoneStatus").query().getPseudoClassStates().toString()))
                .doesNotContain("problem");
        assertThat(text("#connectionState")).as("the connection keeps its place beside it").isEqualTo("Connected");
    }

    @Test
    void anOfferRingsUntilItIsAcceptedAndTheCallIsAnsweredAtOnce() {
        awaitDesk();
        server.push(new ReservationOffered(offer));
        Await.until("the offer rings", () -> log.contains("softphone:ring on"));

        clickOn("#acceptButton");
        Await.until("the ring stops once accepted", () -> log.contains("softphone:ring off"));
        softphone.ring("CAagent");

        Await.until("the INVITE that follows is answered", () -> log.contains("softphone:answer CAagent"));
        assertThat(log.indexOf("softphone:ring off")).isLessThan(log.indexOf("softphone:answer CAagent"));
    }

    /** An offer shown during a call (a second customer, a late reservation update) must not ring over the call. */
    @Test
    void noRingOverACallInProgress() {
        inCall();
        Await.until("the first offer's ring stopped", () -> log.contains("softphone:ring off"));
        int ringsBefore = (int) log.stream().filter("softphone:ring on"::equals).count();

        server.push(new ReservationOffered(Samples.offer("WR2", "WT2")));

        Await.untilFx("the desk has the second offer", () -> shell.agentModel().reservations().stream()
                .anyMatch(reservation -> reservation.reservationSid().equals("WR2")));
        assertThat(log.stream().filter("softphone:ring on"::equals).count()).isEqualTo(ringsBefore);
    }

    @Test
    void muteFollowsTheConferenceAndTheMeterShowsTheMicrophone() {
        inCall();
        softphone.inputLevel(-6);
        Await.untilFx("the meter shows the level", () ->
                lookup("#inputLevel").queryAs(ProgressBar.class).getProgress() > 0.85);

        clickOn("#muteButton");

        Await.until("the phone sends silence", () -> log.contains("softphone:muted true"));
        Await.untilFx("the button offers to unmute", () -> text("#muteButton").equals("Unmute"));
        clickOn("#muteButton");
        Await.until("the phone sends the microphone again", () -> log.contains("softphone:muted false"));
    }

    @Test
    void theKeypadSendsKeysIntoTheCall() {
        inCall();

        clickOn("#key1");
        clickOn("#keyStar");
        clickOn("#keyHash");

        Await.untilFx("the keys show", () -> text("#keypadDisplay").equals("1*#"));
        assertThat(log).containsSubsequence("softphone:digit 1", "softphone:digit *", "softphone:digit #");
    }

    /** Closing unregisters and may wait for the registrar: never on the FX thread, which must not freeze. */
    @Test
    void closingTheDesktopClosesThePhoneOffTheFxThread() {
        awaitDesk();

        interact(() -> shell.close());

        Await.until("the phone closes", () -> log.contains("softphone:close"));
        assertThat(softphone.closedOn()).isEqualTo("softphone-close");
    }

    @Test
    void theAudioSettingsDialogOpensFromTheDeskAndRemembersTheChoice() throws IOException {
        awaitDesk();

        clickOn("#audioSettingsButton");

        Await.untilFx("the dialog shows", () -> Window.getWindows().stream()
                .anyMatch(window -> window.getScene() != null && window.getScene().lookup("#audioSettings") != null));
        clickOn("#saveAudioButton");
        Await.until("the choice is written", () -> Files.isRegularFile(configDirectory.resolve("audio.properties")));
        Await.untilFx("the dialog confirms", () -> text("#audioSettingsMessage").startsWith("Saved."));
    }
}
