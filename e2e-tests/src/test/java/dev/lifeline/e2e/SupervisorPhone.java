package dev.lifeline.e2e;

import dev.lifeline.desktop.softphone.SoftphoneListener;
import dev.lifeline.desktop.softphone.audio.FileAudioDevice;
import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A supervisor's phone: the desktop's own {@link SipSoftphone}, in this JVM, registered with the SIP account the server
 * hands the supervisor ({@code GET /api/me/softphone}), a tone as its microphone and a WAV file as its speaker. It
 * answers the server's listen call (From {@link DesktopApi#LISTEN_CALLER}) and declines anything else, as the
 * supervisor panel's phone does once Listen was clicked (a headless desktop process cannot be clicked, and the panel's
 * phone answers nothing it did not ask for).
 */
final class SupervisorPhone implements AutoCloseable {

    private final SipSoftphone phone;
    private final Path heard;

    private SupervisorPhone(SipSoftphone phone, Path heard) {
        this.phone = phone;
        this.heard = heard;
    }

    static SupervisorPhone register(String identity, SoftphoneAccount account, String rtpPorts, double toneHz, Path heard) {
        SipOptions options = SipOptions.defaults().withLocal("127.0.0.1", 0).withRtpPorts(PortRange.parse(rtpPorts));
        SipSoftphone phone = new SipSoftphone(SipAccount.of(account), options, FileAudioDevice.tone(toneHz, heard));
        phone.register(identity, new SoftphoneListener() {
            @Override
            public void ringing(String callSid, String from) {
                if (from != null && from.contains(DesktopApi.LISTEN_CALLER)) {
                    phone.answer(callSid);
                } else {
                    phone.reject(callSid);
                }
            }
        });
        return new SupervisorPhone(phone, heard);
    }

    boolean isRegistered() {
        return phone.isRegistered();
    }

    /** The listen call the phone answered, while it lasts. */
    Optional<String> call() {
        return phone.activeCallSid();
    }

    /** The last {@code seconds} the supervisor heard. */
    short[] heard(double seconds) {
        return DesktopProcess.lastOfRecording(heard, seconds);
    }

    @Override
    public void close() {
        phone.close();
    }
}
