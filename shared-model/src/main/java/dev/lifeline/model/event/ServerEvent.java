package dev.lifeline.model.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the server pushes to a desktop over the WebSocket ({@code DesktopApi.EVENTS}). Each event is one JSON
 * object whose {@code "type"} member names the kind; the names are part of the wire contract and must not change.
 * A desktop ignores members it does not know (a newer server may add some), but an unknown {@code type} is an
 * error it should log and skip.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StateSnapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = ReservationOffered.class, name = "reservation-offered"),
        @JsonSubTypes.Type(value = ReservationChanged.class, name = "reservation-changed"),
        @JsonSubTypes.Type(value = ReservationRescinded.class, name = "reservation-rescinded"),
        @JsonSubTypes.Type(value = TaskChanged.class, name = "task-changed"),
        @JsonSubTypes.Type(value = ConferenceChanged.class, name = "conference-changed"),
        @JsonSubTypes.Type(value = IncidentChanged.class, name = "incident-changed"),
        @JsonSubTypes.Type(value = QueueSnapshotChanged.class, name = "queue-snapshot"),
        @JsonSubTypes.Type(value = ActivityChanged.class, name = "activity-changed"),
        @JsonSubTypes.Type(value = SessionExpiring.class, name = "session-expiring"),
        @JsonSubTypes.Type(value = ProblemReported.class, name = "error"),
})
public sealed interface ServerEvent permits StateSnapshot, ReservationOffered, ReservationChanged,
        ReservationRescinded, TaskChanged, ConferenceChanged, IncidentChanged, QueueSnapshotChanged,
        ActivityChanged, SessionExpiring, ProblemReported {
}
