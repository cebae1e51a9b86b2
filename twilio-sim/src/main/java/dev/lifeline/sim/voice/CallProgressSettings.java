package dev.lifeline.sim.voice;

import java.util.Set;

/**
 * A call's own {@code StatusCallback}: call progress events {@code initiated ringing answered completed}.
 * Twilio sends only {@code completed} when no events are named.
 */
public record CallProgressSettings(String url, String method, Set<String> events) {

    public static final Set<String> WORDS = Set.of("initiated", "ringing", "answered", "completed");
    public static final CallProgressSettings NONE = new CallProgressSettings(null, "POST", Set.of());

    public CallProgressSettings {
        events = Set.copyOf(events);
        method = method == null ? "POST" : method;
    }

    public boolean wants(String word) {
        return url != null && events.contains(word);
    }
}
