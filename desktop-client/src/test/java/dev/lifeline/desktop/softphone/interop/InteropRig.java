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
 * sending a 1000 Hz tone, and baresip as bob sending a 440 Hz tone. Every port comes from one probed block of
 * free loopback ports, laid out below, so builds running side by side on one machine never meet.
 */
final class InteropRig implements AutoCloseable {

    static final String ALICE = "sip:alice@" + Kamailio.DOMAIN;
    // The block's layout: kamailio, the softphone, a raw test peer, baresip (+1 TLS, +5 ctrl_tcp), then RTP.
    private static final int KAMAILIO = 0;
    private static final int PHONE = 1;
    private static final int RAW_PEER = 2;
    private static final int BARESIP = 3;
    private static final int BARESIP_RTP = 10;
    private static final int PHONE_RTP = 20;
    private static final int PHONE_RTP_COUNT = 100;

    final Path dir;
    final LoopbackPorts ports = LoopbackPorts.freeBlock(PHONE_RTP + PHONE_RTP_COUNT);
    final int kamailioPort = ports.at(KAMAILIO);
    final int phonePort = ports.at(PHONE);
    final int rawPeerPort = ports.at(RAW_PEER);
    final Kamailio kamailio;
    final RecordingListener listener = new RecordingListener();
    SipSoftphone phone;
    ListeningAudio audio;
    Baresip baresip;

    InteropRig(Path dir) throws IOException {
        this.dir = dir;
        this.kamailio = Kamailio.start(dir, kamailioPort);
    }

    SipSoftphone startPhone(String password, SipTransport transport) {
        audio = new ListeningAudio(dir.resolve("softphone-heard.wav"), 1000, 440);
        SipAccount account = new SipAccount(ALICE, "alice", password, "127.0.0.1", kamailioPort, transport);
        phone = new SipSoftphone(account, options(), audio);
        phone.register("alice", listener);
        return phone;
    }

    SipOptions options() {
        return SipOptions.defaults().withLocal("127.0.0.1", phonePort)
                .withRtpPorts(new PortRange(ports.at(PHONE_RTP), ports.at(PHONE_RTP + PHONE_RTP_COUNT - 1)))
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
        baresip = Baresip.start(dir.resolve("baresip"), "bob", ports.at(BARESIP), ports.at(BARESIP_RTP),
                kamailioPort, tone);
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
