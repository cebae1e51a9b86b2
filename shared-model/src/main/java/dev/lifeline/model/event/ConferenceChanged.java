package dev.lifeline.model.event;

import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.validation.Require;

/** {@code conference-changed}: someone joined, left, was held or muted, or the conference ended ({@code endedAt}). */
public record ConferenceChanged(ConferenceView conference) implements ServerEvent {

    public ConferenceChanged {
        Require.present(conference, "conference");
    }
}
