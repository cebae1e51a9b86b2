package dev.lifeline.sim.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the audio of a {@code <Play>} URL once (cached by URL) and decodes it. A URL the emulator cannot fetch, or a
 * file that is not an 8 kHz mono WAV (16-bit or G.711), gives one clear log line and silence (an empty clip). An
 * announcement's URL ({@code AnnounceUrl}) may answer TwiML instead: then its first {@code <Play>} is the audio (its
 * {@code <Say>} is text, heard by the voice layer), and without one the announcement is silence.
 */
final class ClipLoader {

    private static final Logger log = LoggerFactory.getLogger(ClipLoader.class);
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, CompletableFuture<short[]>> cache = new ConcurrentHashMap<>();

    CompletableFuture<short[]> load(String url) {
        return cache.computeIfAbsent(url, key -> fetch(key, true));
    }

    private static boolean looksLikeTwiml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    /** The audio of a TwiML answer: its first {@code <Play>} (relative to the document), else silence. */
    private CompletableFuture<short[]> playedBy(String url, byte[] twiml) {
        try {
            for (dev.lifeline.sim.twiml.TwimlVerb verb : dev.lifeline.sim.twiml.TwimlParser.parse(
                    new String(twiml, java.nio.charset.StandardCharsets.UTF_8))) {
                if (verb instanceof dev.lifeline.sim.twiml.TwimlVerb.Play play) {
                    return fetch(dev.lifeline.sim.twiml.TwimlUrls.resolve(url, play.url()), false);
                }
            }
            return CompletableFuture.completedFuture(new short[0]); // <Say> only: heard as text, no audio here
        } catch (dev.lifeline.sim.twiml.TwimlException e) {
            log.info("<Play> {}: TwiML that cannot be read ({}); playing silence", url, e.getMessage());
            return CompletableFuture.completedFuture(new short[0]);
        }
    }

    /** @param followTwiml whether a TwiML answer's {@code <Play>} is fetched (once: a played URL must be audio) */
    private CompletableFuture<short[]> fetch(String url, boolean followTwiml) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            log.info("<Play> {}: not a URL; playing silence", url);
            return CompletableFuture.completedFuture(new short[0]);
        }
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenCompose(response -> {
                    if (response.statusCode() / 100 != 2) {
                        log.info("<Play> {}: HTTP {}; playing silence", url, response.statusCode());
                        return CompletableFuture.completedFuture(new short[0]);
                    }
                    if (response.body().length > MAX_BYTES) {
                        log.info("<Play> {}: larger than {} bytes; playing silence", url, MAX_BYTES);
                        return CompletableFuture.completedFuture(new short[0]);
                    }
                    if (looksLikeTwiml(response.body())) {
                        if (!followTwiml) {
                            log.info("<Play> {}: TwiML where audio was expected; playing silence", url);
                            return CompletableFuture.completedFuture(new short[0]);
                        }
                        return playedBy(url, response.body());
                    }
                    try {
                        return CompletableFuture.completedFuture(Wav.read(response.body()));
                    } catch (WavFormatException e) {
                        log.info("<Play> {}: {}; the emulator plays only 8 kHz mono 16-bit or G.711 WAV, so silence",
                                url, e.getMessage());
                        return CompletableFuture.completedFuture(new short[0]);
                    }
                })
                .exceptionally(error -> {
                    log.info("<Play> {}: could not be fetched ({}); playing silence", url, error.toString());
                    return new short[0];
                });
    }
}
