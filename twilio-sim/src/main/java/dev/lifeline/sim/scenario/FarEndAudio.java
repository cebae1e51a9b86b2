package dev.lifeline.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.media.ToneGenerator;

/**
 * What a simulated customer sends, from the scenario API's {@code tone} (Hz) or {@code wavUrl}; validated before the
 * call is made so a bad value changes nothing.
 */
record FarEndAudio(MediaPlane media, Double toneHz, String wavUrl) {

    static FarEndAudio of(JsonNode body, MediaPlane media) {
        JsonNode tone = body.get("tone");
        JsonNode wav = body.get("wavUrl");
        boolean hasTone = tone != null && !tone.isNull();
        boolean hasWav = wav != null && !wav.isNull();
        if (!hasTone && !hasWav) {
            return new FarEndAudio(media, null, null);
        }
        if (media == null) {
            throw TwilioApiException.badRequest("tone and wavUrl need media: start the emulator with sipPort or media(true)");
        }
        if (hasTone && hasWav) {
            throw TwilioApiException.badRequest("Give either tone or wavUrl, not both");
        }
        if (hasTone && (!tone.isNumber() || tone.asDouble() < 50 || tone.asDouble() > 3900)) {
            throw TwilioApiException.badRequest("tone must be a frequency in Hz between 50 and 3900");
        }
        if (hasWav && (!wav.isTextual() || !wav.asText().matches("https?://.+"))) {
            throw TwilioApiException.badRequest("wavUrl must be an http(s) URL");
        }
        return new FarEndAudio(media, hasTone ? tone.asDouble() : null, hasWav ? wav.asText() : null);
    }

    void startOn(String callSid) {
        if (toneHz != null) {
            media.farEndSends(callSid, new ToneGenerator(toneHz, 0.3));
        } else if (wavUrl != null) {
            media.farEndPlays(callSid, wavUrl);
        }
    }
}
