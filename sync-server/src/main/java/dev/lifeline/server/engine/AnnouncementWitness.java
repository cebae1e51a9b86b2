package dev.lifeline.server.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Twilio keeps no record of a conference announcement that a REST call could read back, but it reports each one it
 * has played in an {@code announcement-end} status callback carrying the {@code AnnounceUrl}. The announcement effect
 * puts its own id in that URL, so the callback completes the effect whichever member asked for it: an announcement
 * whose performer died before recording it is then not played a second time by the member that takes it over.
 */
final class AnnouncementWitness {

    private static final String PARAMETER = "lifelineEffect";

    private AnnouncementWitness() {
    }

    /** {@code url} with the effect's id as a query parameter (media hosts and our TwiML routes ignore it). */
    static String urlFor(String url, String effectId) {
        return url + (url.contains("?") ? "&" : "?") + PARAMETER + "="
                + URLEncoder.encode(effectId, StandardCharsets.UTF_8);
    }

    /** The effect an {@code announcement-end}'s {@code AnnounceUrl} names; empty for an announcement not ours. */
    static Optional<String> effectIdIn(String announceUrl) {
        if (announceUrl == null) {
            return Optional.empty();
        }
        int query = announceUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : announceUrl.substring(query + 1).split("&")) {
            if (pair.startsWith(PARAMETER + "=")) {
                try {
                    String value = URLDecoder.decode(pair.substring(PARAMETER.length() + 1), StandardCharsets.UTF_8);
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty(); // the URL came from a webhook: not ours if it does not decode
                }
            }
        }
        return Optional.empty();
    }
}
