package dev.lifeline.server.demo;

import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Sim mode: the number the Simulator's customers call, on the emulator, its voice URL the server's call entry
 * ({@code /webhooks/voice/incoming}), so a demo caller goes through business hours, the menu, the VIP list and the
 * waitUrl (hold music, position, estimate) like a real caller. One number per server (from its HTTP port): members of
 * a sim-mode cluster sharing one emulator each send their demo callers to their own entry.
 */
public final class DemoNumber {

    private DemoNumber() {
    }

    /** {@code +1555010} and the port's last four digits: a fictional 555 number. */
    public static String forPort(int port) {
        return String.format("+1555010%04d", port % 10_000);
    }

    /** Buys {@code number} on the emulator if it has not got it, and points its voice URL at {@code voiceUrl}. */
    public static String pointAt(TwilioRestClient client, String number, String voiceUrl) {
        Optional<IncomingPhoneNumber> existing = StreamSupport.stream(IncomingPhoneNumber.reader()
                .setPhoneNumber(new PhoneNumber(number)).read(client).spliterator(), false)
                .filter(n -> n.getPhoneNumber() != null && number.equals(n.getPhoneNumber().toString())).findFirst();
        if (existing.isEmpty()) {
            IncomingPhoneNumber.creator(new PhoneNumber(number)).setVoiceUrl(URI.create(voiceUrl))
                    .setVoiceMethod(HttpMethod.POST).create(client);
        } else {
            IncomingPhoneNumber.updater(existing.get().getSid()).setVoiceUrl(URI.create(voiceUrl))
                    .setVoiceMethod(HttpMethod.POST).update(client);
        }
        return number;
    }
}
