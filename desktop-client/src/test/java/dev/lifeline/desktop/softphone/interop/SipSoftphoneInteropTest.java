package dev.lifeline.desktop.softphone.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.desktop.softphone.audio.Wav;
import dev.lifeline.desktop.softphone.media.Goertzel;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The desktop's {@link SipSoftphone} against independent SIP software (issue 12 item 5): it registers with kamailio
 * (digest), baresip calls it through kamailio, it answers, a 1000 Hz tone from the softphone is detected in what
 * baresip recorded and baresip's 440 Hz tone in what the softphone played, and a BYE from either side ends the call.
 */
class SipSoftphoneInteropTest extends InteropTest {


    @Test
    void baresipsCallIsAnsweredTonesCrossBothWaysAndBaresipsByeEndsIt() throws Exception {
        String callSid = rig.callAnsweredWithAudio(SipTransport.UDP);
        assertThat(rig.phone.activeCallSid()).contains(callSid);

        rig.baresip.command("hangup", "");

        Await.until("the softphone reports the far end's hang-up",
                () -> rig.listener.saw("callEnded " + callSid + ": the other side hung up"));
        assertThat(rig.phone.activeCallSid()).isEmpty();
        assertTonesCrossed();
    }

    @Test
    void theSoftphonesByeEndsTheCallAtBaresipOverTcp() throws Exception {
        String callSid = rig.callAnsweredWithAudio(SipTransport.TCP);

        rig.phone.hangUp(callSid);

        JsonNode closed = rig.baresip.awaitEvent("CALL_CLOSED");
        // baresip 1.0 closes a call ended by the far end's BYE with ECONNRESET's text.
        assertThat(closed.path("param").asText()).isEqualTo("Connection reset by peer");
        Await.until("the softphone reports its own hang-up", () -> rig.listener.saw("callEnded " + callSid + ": hung up"));
        assertTonesCrossed();
    }

    @Test
    void aCallerWhoGivesUpWhileItRingsCancelsTheRinging() throws Exception {
        rig.startPhone(Kamailio.PASSWORD, SipTransport.UDP);
        Await.until("the softphone is registered", () -> rig.phone.state().isReady());
        rig.startBaresip();
        rig.baresip.command("dial", InteropRig.ALICE);
        Await.until("the softphone rings", () -> rig.listener.ringingCallSid != null);

        rig.baresip.command("hangup", "");

        String callSid = rig.listener.ringingCallSid;
        Await.until("the ringing stops", () -> rig.listener.saw("ringCancelled " + callSid + ": the caller hung up"));
        assertThat(rig.phone.activeCallSid()).isEmpty();
    }

    @Test
    void aRejectedCallIsBusyAtTheCaller() throws Exception {
        rig.startPhone(Kamailio.PASSWORD, SipTransport.UDP);
        Await.until("the softphone is registered", () -> rig.phone.state().isReady());
        rig.startBaresip();
        rig.baresip.command("dial", InteropRig.ALICE);
        Await.until("the softphone rings", () -> rig.listener.ringingCallSid != null);

        rig.phone.reject(rig.listener.ringingCallSid);

        assertThat(rig.baresip.awaitEvent("CALL_CLOSED").path("param").asText()).contains("486");
    }

    private void assertTonesCrossed() throws IOException {
        short[] heardByPhone = Wav.read(rig.audio.recording);
        int[] phone440 = Goertzel.hits(heardByPhone, 440);
        int[] phone1000 = Goertzel.hits(heardByPhone, 1000);
        assertThat(phone440[0]).as("blocks with 440 Hz at the softphone of %s", phone440[1]).isGreaterThan(50);
        assertThat(phone1000[0]).as("its own 1000 Hz tone at the softphone").isZero();

        Await.until("baresip's recording of the call is written", () -> rig.baresip.lastReceived() != null);
        short[] heardByBaresip = Wav.read(rig.baresip.lastReceived());
        int[] baresip1000 = Goertzel.hits(heardByBaresip, 1000);
        int[] baresip440 = Goertzel.hits(heardByBaresip, 440);
        assertThat(baresip1000[0]).as("blocks with 1000 Hz at baresip of %s", baresip1000[1]).isGreaterThan(50);
        assertThat(baresip440[0]).as("its own 440 Hz tone at baresip").isZero();
    }
}
