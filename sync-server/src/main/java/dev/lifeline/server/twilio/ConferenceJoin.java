package dev.lifeline.server.twilio;

import java.util.List;

/**
 * How a leg joins a conference: used for the reservation's conference instruction and for moving a party
 * with {@code <Dial><Conference>}. {@code statusCallbackEvents} are Twilio's words
 * ({@code start end join leave mute hold modify announcement}).
 */
public record ConferenceJoin(String label, boolean endConferenceOnExit, boolean startConferenceOnEnter, boolean muted,
                             String statusCallbackUrl, List<String> statusCallbackEvents) {

    /** Conference events the server subscribes to for every conference it manages. */
    public static final List<String> STATUS_EVENTS = List.of("start", "end", "join", "leave", "mute", "hold", "modify",
            "announcement");

    public ConferenceJoin {
        statusCallbackEvents = List.copyOf(statusCallbackEvents);
    }
}
