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
 * file that is not an 8 kHz mono WAV (16-bit or G.711), gives one clear log line and silence (an empty clip).
 */
final class ClipLoader {

    private static final Logger log = LoggerFactory.getLogger(ClipLoader.class);
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, CompletableFuture<short[]>> cache = new ConcurrentHashMap<>();

    CompletableFuture<short[]> load(String url) {
        return cache.computeIfAbsent(url, this::fetch);
    }

    private CompletableFuture<short[]> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            log.info("<Play> {}: not a URL; playing silence", url);
            return CompletableFuture.completedFuture(new short[0]);
        }
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        log.info("<Play> {}: HTTP {}; playing silence", url, response.statusCode());
                        return new short[0];
                    }
                    if (response.body().length > MAX_BYTES) {
                        log.info("<Play> {}: larger than {} bytes; playing silence", url, MAX_BYTES);
                        return new short[0];
                    }
                    try {
                        return Wav.read(response.body());
                    } catch (WavFormatException e) {
                        log.info("<Play> {}: {}; the emulator plays only 8 kHz mono 16-bit or G.711 WAV, so silence",
                                url, e.getMessage());
                        return new short[0];
                    }
                })
                .exceptionally(error -> {
                    log.info("<Play> {}: could not be fetched ({}); playing silence", url, error.toString());
                    return new short[0];
                });
    }
}
