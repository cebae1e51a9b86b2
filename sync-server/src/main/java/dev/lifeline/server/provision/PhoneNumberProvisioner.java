package dev.lifeline.server.provision;

import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.type.PhoneNumber;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Points one of the account's numbers at Lifeline's incoming-call webhook: its {@code VoiceUrl} (POST). The number
 * itself is bought in Twilio's console; everything else about it (SMS, fallback URL, …) is kept.
 */
public final class PhoneNumberProvisioner {

    private final TwilioRestClient client;
    private final ProvisionReport report;

    public PhoneNumberProvisioner(TwilioRestClient client, ProvisionReport report) {
        this.client = client;
        this.report = report;
    }

    /** @throws IllegalArgumentException when {@code phoneNumber} is not a number of this account */
    public void pointAt(String phoneNumber, String voiceUrl) {
        Optional<IncomingPhoneNumber> number = find(client, phoneNumber);
        if (number.isEmpty()) {
            throw new IllegalArgumentException(phoneNumber + " is not a phone number of this account (buy it in Twilio's "
                    + "console first)");
        }
        String sid = number.get().getSid();
        boolean same = number.get().getVoiceUrl() != null && voiceUrl.equals(number.get().getVoiceUrl().toString())
                && number.get().getVoiceMethod() == HttpMethod.POST;
        if (same) {
            report.keep("phone number", phoneNumber, sid);
            return;
        }
        report.change("phone number", phoneNumber, sid, "voice URL " + voiceUrl,
                () -> IncomingPhoneNumber.updater(sid).setVoiceUrl(voiceUrl).setVoiceMethod(HttpMethod.POST).update(client));
    }

    /**
     * Sim mode only (the emulator sells any number; Twilio's numbers are bought in its console): buys {@code phoneNumber}
     * if the account has not got it, and points its voice URL at {@code voiceUrl}. The demo's own number.
     */
    public static String buyInSimAndPointAt(TwilioRestClient client, String phoneNumber, String voiceUrl) {
        Optional<IncomingPhoneNumber> existing = find(client, phoneNumber);
        if (existing.isEmpty()) {
            IncomingPhoneNumber.creator(new PhoneNumber(phoneNumber)).setVoiceUrl(voiceUrl)
                    .setVoiceMethod(HttpMethod.POST).create(client);
        } else {
            IncomingPhoneNumber.updater(existing.get().getSid()).setVoiceUrl(voiceUrl)
                    .setVoiceMethod(HttpMethod.POST).update(client);
        }
        return phoneNumber;
    }

    private static Optional<IncomingPhoneNumber> find(TwilioRestClient client, String phoneNumber) {
        return StreamSupport.stream(IncomingPhoneNumber.reader().setPhoneNumber(new PhoneNumber(phoneNumber)).read(client)
                        .spliterator(), false)
                .filter(n -> n.getPhoneNumber() != null && phoneNumber.equals(n.getPhoneNumber().toString())).findFirst();
    }
}
