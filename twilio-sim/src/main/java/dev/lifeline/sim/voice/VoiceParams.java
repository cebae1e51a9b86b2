package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.util.List;
import java.util.Set;

/** Turns API parameters into the voice model, with Twilio's defaults; bad values are 400s naming the parameter. */
final class VoiceParams {

    /** Twilio's default ring timeout for Calls, Participants and the conference instruction. */
    static final int DEFAULT_RING_TIMEOUT_SECONDS = 60;

    private VoiceParams() {
    }

    static List<TwimlVerb> parseTwiml(String twiml) {
        try {
            return TwimlParser.parse(twiml);
        } catch (TwimlException e) {
            throw TwilioApiException.badRequest("Twiml: " + e.getMessage());
        }
    }

    static ConferenceCallbackSettings callbackSettings(FormParams params) {
        String url = params.url("ConferenceStatusCallback");
        String method = params.method("ConferenceStatusCallbackMethod");
        Set<String> events = params.words("ConferenceStatusCallbackEvent", ConferenceCallbackSettings.WORDS);
        if (url == null) {
            return ConferenceCallbackSettings.NONE;
        }
        return new ConferenceCallbackSettings(url, method, events == null ? ConferenceCallbackSettings.DEFAULT_EVENTS : events);
    }

    static CallProgressSettings progressSettings(FormParams params, String urlName, String methodName,
                                                         String eventsName) {
        String url = params.url(urlName);
        String method = params.method(methodName);
        Set<String> events = params.words(eventsName, CallProgressSettings.WORDS);
        if (url == null) {
            return CallProgressSettings.NONE;
        }
        return new CallProgressSettings(url, method, events == null ? Set.of("completed") : events);
    }
}
