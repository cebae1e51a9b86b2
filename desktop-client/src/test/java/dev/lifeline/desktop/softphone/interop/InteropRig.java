package dev.lifeline.desktop.softphone.interop;

import dev.lifeline.desktop.softphone.audio.ToneSource;
import dev.lifeline.desktop.softphone.audio.Wav;
import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.desktop.softphone.sip.SipTransport;
import dev.lifeline.desktop.testing.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One interop setting on loopback: kamailio (registrar + proxy), the desktop's {@link SipSoftphone} as alice
 * sending a 1000 Hz tone, and baresip as bob sending a 440 Hz tone. Ports from desksip's ranges: softphone SIP
 * 16060, RTP 32000-32099; kamailio 16100; baresip 16110 (+1 TLS, +5 ctrl_tcp), RTP 33000-33009.
 */
final class InteropRig implements AutoCloseable {

    static final int KAMAILIO_PORT = 16100;
    static final int BARESIP_PORT = 16110;
    static final int BARESIP_RTP = 33000;
    static final int PHONE_PORT = 16060;
    static final String ALICE = "sip:alice@" + Kamailio.DOMAIN;

    final Path dir;
    final Kamailio kamailio;
    final RecordingListener listener = new RecordingListener();
    SipSoftphone phone;
    ListeningAudio audio;
    Baresip baresip;

    InteropRig(Path dir) throws IOException {
        this.dir = dir;
        this.kamailio = Kamailio.start(dir, KAMAILIO_PORT);
    }

    SipSoftphone startPhone(String password, SipTransport transport) {
        audio = new ListeningAudio(dir.resolve("softphone-heard.wav"), 1000, 440);
        SipAccount account = new SipAccount(ALICE, "alice", password, "127.0.0.1", KAMAILIO_PORT, transport);
        phone = new SipSoftphone(account, options(), audio);
        phone.register("alice", listener);
        return phone;
    }

    static SipOptions options() {
        return SipOptions.defaults().withLocal("127.0.0.1", PHONE_PORT).withRtpPorts(new PortRange(32000, 32099))
                .withRegisterExpiry(Duration.ofSeconds(60));
    }

    Baresip startBaresip() throws IOException {
        Path tone = dir.resolve("tone440.wav");
        ToneSource source = new ToneSource(440, 0.5);
        short[] samples = new short[8000 * 5];
        for (int i = 0; i < samples.length; i += 160) {
            System.arraycopy(source.read(), 0, samples, i, 160);
        }
        Wav.write(tone, samples);
        baresip = Baresip.start(dir.resolve("baresip"), "bob", BARESIP_PORT, BARESIP_RTP, KAMAILIO_PORT, tone);
        return baresip;
    }

    /** Registers the phone, has baresip call it, answers, and waits until two seconds of baresip's tone played. */
    String callAnsweredWithAudio(SipTransport transport) throws IOException {
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
        Await.until("the softphone plays baresip's 440 Hz tone", () -> audio.framesWithTone.get() >= 100);
        return callSid;
    }

    @Override
    public void close() {
        if (phone != null) {
            phone.close();
        }
        if (baresip != null) {
            baresip.close();
        }
        kamailio.close();
    }
}
