package dev.lifeline.desktop.softphone.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.softphone.audio.ToneSource;
import dev.lifeline.desktop.softphone.audio.Wav;
import dev.lifeline.desktop.softphone.media.Goertzel;
import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's {@link SipSoftphone} against independent SIP software (issue 12 item 5): it registers with kamailio
 * (digest), baresip calls it through kamailio, it answers, a 1000 Hz tone from the softphone is detected in what
 * baresip recorded and baresip's 440 Hz tone in what the softphone played, and a BYE from either side ends the call.
 */
class SipSoftphoneInteropTest {

    private static final int KAMAILIO_PORT = 16100;
    private static final int BARESIP_PORT = 16110;
    private static final int BARESIP_RTP = 33000;
    private static final int PHONE_PORT = 16060;
    private static final String ALICE = "sip:alice@" + Kamailio.DOMAIN;

    @TempDir
    Path dir;

    private Kamailio kamailio;
    private Baresip baresip;
    private SipSoftphone phone;
    private ListeningAudio audio;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startKamailio() throws IOException {
        kamailio = Kamailio.start(dir, KAMAILIO_PORT);
    }

    @AfterEach
    void stopEverything() {
        if (phone != null) {
            phone.close();
        }
        if (baresip != null) {
            baresip.close();
        }
        if (kamailio != null) {
            kamailio.close();
        }
    }

    @Test
    void baresipsCallIsAnsweredTonesCrossBothWaysAndBaresipsByeEndsIt() throws Exception {
        String callSid = callAnsweredWithAudioBothWays(SipTransport.UDP);

        baresip.command("hangup", "");

        Await.until("the softphone reports the far end's hang-up",
                () -> listener.saw("callEnded " + callSid + ": the other side hung up"));
        assertThat(phone.activeCallSid()).isEmpty();
        assertTonesCrossed();
    }

    @Test
    void theSoftphonesByeEndsTheCallAtBaresip() throws Exception {
        String callSid = callAnsweredWithAudioBothWays(SipTransport.TCP);

        phone.hangUp(callSid);

        JsonNode closed = baresip.awaitEvent("CALL_CLOSED");
        // baresip 1.0 closes a call ended by the far end's BYE with ECONNRESET's text.
        assertThat(closed.path("param").asText()).isEqualTo("Connection reset by peer");
        assertThat(listener.events).contains("callEnded " + callSid + ": hung up");
        assertTonesCrossed();
    }

    private String callAnsweredWithAudioBothWays(SipTransport transport) throws Exception {
        startPhone(Kamailio.PASSWORD, transport);
        Await.until("the softphone is registered", () -> phone.state().isReady());
        startBaresip();

        baresip.command("dial", ALICE);

        Await.until("the softphone rings", () -> listener.ringingCallSid != null);
        String callSid = listener.ringingCallSid;
        phone.answer(callSid);
        audio.framesWithTone.set(0);
        baresip.awaitEvent("CALL_ESTABLISHED");
        Await.until("the softphone sees the ACK", () -> listener.saw("connected " + callSid));
        assertThat(phone.activeCallSid()).contains(callSid);
        // Two seconds of baresip's tone played by the softphone: audio flows (and so, the same time, the other way).
        Await.until("the softphone plays baresip's 440 Hz tone", () -> audio.framesWithTone.get() >= 100);
        return callSid;
    }

    private void assertTonesCrossed() throws IOException {
        short[] heardByPhone = Wav.read(audio.recording);
        int[] phone440 = Goertzel.hits(heardByPhone, 440);
        int[] phone1000 = Goertzel.hits(heardByPhone, 1000);
        assertThat(phone440[0]).as("blocks with 440 Hz at the softphone of %s", phone440[1]).isGreaterThan(50);
        assertThat(phone1000[0]).as("its own 1000 Hz tone at the softphone").isZero();

        Await.until("baresip's recording of the call is written", () -> baresip.lastReceived() != null);
        short[] heardByBaresip = Wav.read(baresip.lastReceived());
        int[] baresip1000 = Goertzel.hits(heardByBaresip, 1000);
        int[] baresip440 = Goertzel.hits(heardByBaresip, 440);
        assertThat(baresip1000[0]).as("blocks with 1000 Hz at baresip of %s", baresip1000[1]).isGreaterThan(50);
        assertThat(baresip440[0]).as("its own 440 Hz tone at baresip").isZero();
    }

    private void startPhone(String password, SipTransport transport) {
        audio = new ListeningAudio(dir.resolve("softphone-heard.wav"), 1000, 440);
        SipAccount account = new SipAccount(ALICE, "alice", password, "127.0.0.1", KAMAILIO_PORT, transport);
        SipOptions options = SipOptions.defaults().withLocal("127.0.0.1", PHONE_PORT)
                .withRtpPorts(new PortRange(32000, 32099)).withRegisterExpiry(Duration.ofSeconds(60));
        phone = new SipSoftphone(account, options, audio);
        phone.register("alice", listener);
    }

    private void startBaresip() throws IOException {
        Path tone = dir.resolve("tone440.wav");
        ToneSource source = new ToneSource(440, 0.5);
        short[] samples = new short[8000 * 5];
        for (int i = 0; i < samples.length; i += 160) {
            System.arraycopy(source.read(), 0, samples, i, 160);
        }
        Wav.write(tone, samples);
        baresip = Baresip.start(dir.resolve("baresip"), "bob", BARESIP_PORT, BARESIP_RTP, KAMAILIO_PORT, tone);
    }

    static boolean failedWith(SoftphoneState state, String reason) {
        return state.phase() == SoftphoneState.Phase.FAILED && reason.equals(state.reason());
    }
}
