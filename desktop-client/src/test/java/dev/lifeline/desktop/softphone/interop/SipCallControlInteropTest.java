package dev.lifeline.desktop.softphone.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In-call controls against baresip: re-INVITE hold both ways and RFC 4733 digits both ways. */
class SipCallControlInteropTest extends InteropTest {

    private String callSid;

    @BeforeEach
    void callInProgress() throws IOException {
        callSid = rig.callAnsweredWithAudio(SipTransport.UDP);
    }


    @Test
    void theFarEndsHoldAndResumeAreReported() throws Exception {
        assertThat(rig.baresip.command("hold", "").path("ok").asBoolean()).isTrue();
        Await.until("the softphone sees it is held", () -> rig.listener.saw("hold here=false farEnd=true"));

        rig.baresip.command("resume", "");
        Await.until("the softphone sees the resume", () -> rig.listener.saw("hold here=false farEnd=false"));
        rig.audio.framesWithTone.set(0);
        Await.until("baresip's tone is heard again", () -> rig.audio.framesWithTone.get() >= 25);
    }

    @Test
    void ourHoldIsOfferedAsSendonlyAndAccepted() throws Exception {
        rig.phone.hold(callSid, true);
        Await.until("the hold is accepted", () -> rig.listener.saw("hold here=true farEnd=false"));
        assertThat(rig.baresip.awaitEvent("CALL_REMOTE_SDP").path("param").asText()).as("our 200 OK").isEqualTo("answer");
        assertThat(rig.baresip.awaitEvent("CALL_REMOTE_SDP").path("param").asText()).as("our re-INVITE")
                .isEqualTo("offer");

        rig.phone.hold(callSid, false);
        Await.until("the resume is accepted", () -> rig.listener.events.stream()
                .filter(e -> e.startsWith("hold")).count() == 2
                && rig.listener.events.get(rig.listener.events.size() - 1).equals("hold here=false farEnd=false"));
    }

    @Test
    void keypadDigitsCrossBothWays() throws Exception {
        assertThat(rig.phone.sendDigit('5')).isTrue();
        JsonNode dtmf = rig.baresip.awaitEvent("CALL_DTMF_START");
        assertThat(dtmf.path("param").asText()).isEqualTo("5");

        rig.baresip.command("sndcode", "7");
        Await.until("the softphone reports baresip's digit", () -> rig.listener.saw("digit 7"));
    }
}
