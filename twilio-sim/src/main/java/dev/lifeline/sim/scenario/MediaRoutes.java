package dev.lifeline.sim.scenario;

import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.media.BuiltInAudio;
import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.media.Recording;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.media.Wav;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scenario API's audio: the built-in sounds ({@code GET /sim/media/<name>.wav}), what a simulated customer sends
 * ({@code POST /sim/calls/{CA}/audio}), what it heard ({@code GET /sim/calls/{CA}/recording.wav}) and whether a tone
 * is in it ({@code GET /sim/calls/{CA}/heard?frequency=440[&seconds=5]}).
 */
final class MediaRoutes {

    /** 10 blocks of 25.6 ms hitting the tone: a quarter of a second of it, more than any chance match. */
    static final int HEARD_MIN_HITS = 10;

    interface Writer {
        void write(Context ctx, int status, Object body);
    }

    private final Supplier<MediaPlane> media;
    private final Writer writer;

    MediaRoutes(Supplier<MediaPlane> media, Writer writer) {
        this.media = media;
        this.writer = writer;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sim/media/{name}", ctx -> {
            byte[] file = BuiltInAudio.file(ctx.pathParam("name"));
            if (file == null) {
                throw TwilioApiException.notFound("Sound", ctx.pathParam("name"));
            }
            ctx.contentType("audio/wav").result(file);
        });
        routes.post("/sim/calls/{callSid}/audio", ctx -> {
            MediaPlane plane = requireMedia();
            Map<String, Object> body = new LinkedHashMap<>();
            String tone = ctx.queryParam("tone");
            String wavUrl = ctx.queryParam("wavUrl");
            if (tone != null) {
                double hz = frequency(tone);
                plane.farEndSends(ctx.pathParam("callSid"), new ToneGenerator(hz, 0.3));
                body.put("tone", hz);
            } else if (wavUrl != null && wavUrl.matches("https?://.+")) {
                plane.farEndPlays(ctx.pathParam("callSid"), wavUrl);
                body.put("wavUrl", wavUrl);
            } else {
                throw TwilioApiException.badRequest("Give tone=<Hz> or wavUrl=<http(s) URL> as a query parameter");
            }
            writer.write(ctx, 200, body);
        });
        routes.get("/sim/calls/{callSid}/recording.wav", ctx ->
                ctx.contentType("audio/wav").result(Wav.write(recording(ctx.pathParam("callSid")).samples())));
        routes.get("/sim/calls/{callSid}/heard", ctx -> {
            String frequencyText = ctx.queryParam("frequency");
            if (frequencyText == null) {
                throw TwilioApiException.missingParameter("frequency");
            }
            double frequency = frequency(frequencyText);
            String secondsText = ctx.queryParam("seconds");
            Double seconds;
            try {
                seconds = secondsText == null ? null : Double.parseDouble(secondsText);
            } catch (NumberFormatException e) {
                throw TwilioApiException.badRequest("seconds must be a number");
            }
            Recording recording = recording(ctx.pathParam("callSid"));
            short[] audio = seconds == null ? recording.samples() : recording.last(seconds);
            Goertzel.Detection detection = Goertzel.detect(audio, frequency, Codec.SAMPLE_RATE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("frequency", frequency);
            body.put("heard", detection.hits() >= HEARD_MIN_HITS);
            body.put("hits", detection.hits());
            body.put("soundingBlocks", detection.sounding());
            body.put("blocks", detection.blocks());
            body.put("ratio", detection.ratio());
            body.put("seconds", audio.length / (double) Codec.SAMPLE_RATE);
            writer.write(ctx, 200, body);
        });
    }

    private MediaPlane requireMedia() {
        return requireMedia(media.get());
    }

    /** The media plane, or 409 when media is off. */
    static MediaPlane requireMedia(MediaPlane plane) {
        if (plane == null) {
            throw new TwilioApiException(409, 20409, "Media is off: start the emulator with sipPort or media(true)");
        }
        return plane;
    }

    private Recording recording(String callSid) {
        Recording recording = requireMedia().farEndHeard(callSid);
        if (recording == null) {
            throw TwilioApiException.notFound("Recording of call", callSid);
        }
        return recording;
    }

    private static double frequency(String text) {
        try {
            double hz = Double.parseDouble(text);
            if (hz >= 50 && hz <= 3900) {
                return hz;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw TwilioApiException.badRequest("frequency must be a number of Hz between 50 and 3900");
    }
}
