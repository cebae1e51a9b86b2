package dev.lifeline.sim.numbers;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.voice.VoiceEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The account's phone numbers ({@code IncomingPhoneNumbers}): a number's {@code VoiceUrl} is what Twilio requests when
 * somebody calls it. Any E.164 number can be "bought" (created); nothing else about numbers is emulated.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** One number; {@code voiceUrl} null = none set. */
    public static final class PhoneNumber {
        public final String sid = Sids.next("PN");
        public final String phoneNumber;
        public final Instant dateCreated;
        public Instant dateUpdated;
        public String friendlyName;
        public String voiceUrl;
        public String voiceMethod = "POST";

        PhoneNumber(String phoneNumber, Instant now) {
            this.phoneNumber = phoneNumber;
            this.friendlyName = phoneNumber;
            this.dateCreated = now;
            this.dateUpdated = now;
        }
    }

    private final SimContext context;
    private final Map<String, PhoneNumber> bySid = new LinkedHashMap<>();

    public PhoneNumbers(SimContext context) {
        this.context = context;
    }

    /** @throws TwilioApiException 400 for a number that is not E.164 or already the account's (21422, assumed) */
    public PhoneNumber create(String phoneNumber, String friendlyName, String voiceUrl, String voiceMethod) {
        if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
            throw new TwilioApiException(400, 21421, "PhoneNumber is invalid: " + phoneNumber);
        }
        synchronized (context.world) {
            if (find(phoneNumber).isPresent()) {
                throw new TwilioApiException(400, 21422, "PhoneNumber " + phoneNumber + " is not available");
            }
            PhoneNumber number = new PhoneNumber(phoneNumber, context.clock.now());
            update(number, friendlyName, voiceUrl, voiceMethod);
            bySid.put(number.sid, number);
            return number;
        }
    }

    public PhoneNumber update(String sid, String friendlyName, String voiceUrl, String voiceMethod) {
        synchronized (context.world) {
            PhoneNumber number = get(sid);
            update(number, friendlyName, voiceUrl, voiceMethod);
            number.dateUpdated = context.clock.now();
            return number;
        }
    }

    private static void update(PhoneNumber number, String friendlyName, String voiceUrl, String voiceMethod) {
        if (friendlyName != null) {
            number.friendlyName = friendlyName;
        }
        if (voiceUrl != null) {
            number.voiceUrl = voiceUrl.isEmpty() ? null : voiceUrl;
        }
        if (voiceMethod != null) {
            number.voiceMethod = voiceMethod;
        }
    }

    public PhoneNumber get(String sid) {
        synchronized (context.world) {
            PhoneNumber number = bySid.get(sid);
            if (number == null) {
                throw TwilioApiException.notFound("IncomingPhoneNumber", sid);
            }
            return number;
        }
    }

    public void delete(String sid) {
        synchronized (context.world) {
            get(sid);
            bySid.remove(sid);
        }
    }

    /** The account's numbers, oldest first; only {@code phoneNumber} when it is not null. */
    public List<PhoneNumber> list(String phoneNumber) {
        synchronized (context.world) {
            List<PhoneNumber> all = new ArrayList<>();
            for (PhoneNumber number : bySid.values()) {
                if (phoneNumber == null || number.phoneNumber.equals(phoneNumber)) {
                    all.add(number);
                }
            }
            return all;
        }
    }

    /**
     * A caller rings {@code to}, one of the account's numbers: Twilio requests its {@code VoiceUrl} with its
     * {@code VoiceMethod} and runs the TwiML it answers.
     *
     * @return the inbound call's SID
     * @throws TwilioApiException 404 for a number that is not the account's, 400 for one without a voice URL
     */
    public String call(VoiceEmulator voice, String from, String to) {
        PhoneNumber number = find(to).orElseThrow(() -> TwilioApiException.notFound("IncomingPhoneNumber", to));
        String url;
        String method;
        synchronized (context.world) {
            url = number.voiceUrl;
            method = number.voiceMethod;
        }
        if (url == null) {
            throw TwilioApiException.badRequest("IncomingPhoneNumber " + to + " has no VoiceUrl");
        }
        return voice.inboundCallToUrl(from, to, url, method);
    }

    public Optional<PhoneNumber> find(String phoneNumber) {
        return list(phoneNumber).stream().findFirst();
    }
}
