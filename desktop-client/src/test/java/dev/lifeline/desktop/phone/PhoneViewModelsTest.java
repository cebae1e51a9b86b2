package dev.lifeline.desktop.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.SoftphoneState;
import org.junit.jupiter.api.Test;

class PhoneViewModelsTest {

    private final FakeSoftphone softphone = new FakeSoftphone();

    @Test
    void theStatusSaysPhoneReadyOrWhyNotInPlainWords() {
        PhoneStatusViewModel status = new PhoneStatusViewModel();
        assertThat(status.textProperty().get()).isEqualTo("Phone off");

        status.apply(SoftphoneState.registering());
        assertThat(status.textProperty().get()).isEqualTo("Connecting the phone…");

        status.apply(SoftphoneState.ready());
        assertThat(status.textProperty().get()).isEqualTo("Phone ready");
        assertThat(status.readyProperty().get()).isTrue();
        assertThat(status.problemProperty().get()).isFalse();

        status.apply(SoftphoneState.failed("wrong SIP password"));
        assertThat(status.textProperty().get()).isEqualTo("Phone not ready: wrong SIP password");
        assertThat(status.problemProperty().get()).isTrue();

        status.apply(SoftphoneState.ready().withAudioProblem("no microphone found"));
        assertThat(status.textProperty().get()).isEqualTo("Phone ready (no microphone found)");
        assertThat(status.problemProperty().get()).isTrue();
    }

    @Test
    void keypadKeysGoToTheCallAndShowInTheDisplay() {
        KeypadViewModel keypad = new KeypadViewModel(softphone);

        keypad.press('1');
        keypad.press('#');
        keypad.press('x');
        keypad.press('a');

        assertThat(softphone.digits).containsExactly('1', '#', 'A');
        assertThat(keypad.sentProperty().get()).isEqualTo("1#A");
        keypad.clear();
        assertThat(keypad.sentProperty().get()).isEmpty();
    }

    @Test
    void keysWithoutACallAreExplainedNotSent() {
        softphone.inCall = false;
        KeypadViewModel keypad = new KeypadViewModel(softphone);

        keypad.press('5');

        assertThat(keypad.sentProperty().get()).isEmpty();
        assertThat(keypad.messageProperty().get()).isEqualTo("Keys can be sent only during a call that accepts them");
    }

    @Test
    void muteTogglesAndTheMeterMapsDbfsOntoZeroToOne() {
        CallAudioViewModel audio = new CallAudioViewModel(softphone);

        audio.toggleMute();
        assertThat(softphone.muted).isTrue();
        assertThat(audio.mutedProperty().get()).isTrue();
        audio.toggleMute();
        assertThat(softphone.muted).isFalse();

        softphone.level = -30;
        audio.sampleLevel();
        assertThat(audio.levelProperty().get()).isEqualTo(0.5);
        softphone.level = -96;
        audio.sampleLevel();
        assertThat(audio.levelProperty().get()).isZero();
    }
}
