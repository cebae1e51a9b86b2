package dev.lifeline.sim.voice;

import java.util.Set;

/**
 * Where a conference's status callbacks go. Twilio takes them from the first participant to join and ignores
 * whatever later participants pass.
 *
 * @param events subscription words ({@code start end join leave mute hold modify speaker announcement})
 */
public record ConferenceCallbackSettings(String url, String method, Set<String> events) {

    public static final Set<String> WORDS =
            Set.of("start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement");

    /** Twilio's default when a participant names a callback but no events. */
    public static final Set<String> DEFAULT_EVENTS = Set.of("start", "end");

    public static final ConferenceCallbackSettings NONE = new ConferenceCallbackSettings(null, "POST", Set.of());

    public ConferenceCallbackSettings {
        events = Set.copyOf(events);
        method = method == null ? "POST" : method;
    }

    public boolean wants(String word) {
        return url != null && events.contains(word);
    }
}
