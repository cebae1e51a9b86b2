package dev.lifeline.desktop.softphone.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.AudioUnavailableException;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;
import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Registration against kamailio: a wrong password stops after one authenticated try; a clean close unregisters. */
class SipRegistrationInteropTest extends InteropTest {


    @Test
    void aWrongPasswordFailsWithAPlainReasonAfterOneAuthenticatedTry() throws Exception {
        rig.startPhone("NotTheRightOne99", SipTransport.UDP);

        Await.until("the phone gives up", () -> rig.phone.state().phase() == SoftphoneState.Phase.FAILED);

        assertThat(rig.phone.state().reason()).isEqualTo("wrong SIP password");
        Await.until("the listener hears of it", () -> rig.listener.states.contains(rig.phone.state()));
        assertThat(rig.listener.states).extracting(SoftphoneState::phase)
                .containsSubsequence(SoftphoneState.Phase.REGISTERING, SoftphoneState.Phase.FAILED);
        // One REGISTER without credentials, one with: kamailio logs each before its digest check.
        assertThat(count(rig.kamailio.logText(), "REGISTER-SEEN")).isEqualTo(2);
    }

    @Test
    void theExpiryTheRegistrarGrantsIsObeyedAndRefreshedAtHalfOfIt() throws Exception {
        rig.startPhone(Kamailio.PASSWORD, SipTransport.UDP);
        Await.until("the phone is ready", () -> rig.phone.state().isReady());

        // Asked for 60 s; kamailio grants at most 30 s, so the phone must refresh after about 15 s, not 30.
        assertThat(rig.phone.grantedExpiry()).hasSeconds(Kamailio.MAX_EXPIRES);
        Await.until("the refresh reaches kamailio", () -> count(rig.kamailio.logText(), "REGISTER-SAVED") >= 2);
        assertThat(rig.phone.state().isReady()).isTrue();
        Await.until("the listener hears of it", () -> rig.listener.states.contains(SoftphoneState.ready()));
    }

    @Test
    void aCleanCloseRemovesTheBindingSoCallsToThePhoneFindNobody() throws Exception {
        rig.startPhone(Kamailio.PASSWORD, SipTransport.UDP);
        Await.until("the phone is ready", () -> rig.phone.state().isReady());

        rig.phone.close();

        assertThat(rig.kamailio.logText()).contains("expires 0");
        rig.startBaresip();
        rig.baresip.command("dial", InteropRig.ALICE);
        JsonNode closed = rig.baresip.awaitEvent("CALL_CLOSED");
        assertThat(closed.path("param").asText()).contains("404");
    }

    @Test
    void withoutAMicrophoneThePhoneIsReadyAndSaysWhatIsMissing() throws Exception {
        AudioDevice noHardware = new AudioDevice() {
            @Override
            public String describe() {
                return "a computer without sound hardware";
            }

            @Override
            public FrameSource openMicrophone() throws AudioUnavailableException {
                throw new AudioUnavailableException("no microphone found", new IllegalArgumentException("no line"));
            }

            @Override
            public FrameSink openSpeaker() {
                return frame -> {
                };
            }
        };
        SipAccount account = new SipAccount(InteropRig.ALICE, "alice", Kamailio.PASSWORD, "127.0.0.1",
                rig.kamailioPort, SipTransport.UDP);
        rig.phone = new SipSoftphone(account, rig.options(), noHardware);
        rig.phone.register("alice", rig.listener);

        Await.until("the phone is ready", () -> rig.phone.state().isReady());

        assertThat(rig.phone.state().audioProblem()).isEqualTo("no microphone found");
    }

    private static int count(String text, String word) {
        Matcher matcher = Pattern.compile(Pattern.quote(word)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
