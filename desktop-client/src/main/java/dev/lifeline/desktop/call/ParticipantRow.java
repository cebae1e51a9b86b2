package dev.lifeline.desktop.call;

import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the participants list; updated in place so the list neither flickers nor loses its selection. */
public final class ParticipantRow {

    private final String callSid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");

    ParticipantRow(ParticipantView participant, boolean isMe) {
        this.callSid = participant.callSid();
        update(participant, isMe);
    }

    void update(ParticipantView participant, boolean isMe) {
        String shown = participant.displayName() != null ? participant.displayName()
                : participant.label() != null ? participant.label() : participant.callSid();
        name.set(isMe ? shown + " (you)" : shown);
        role.set(roleText(participant.role()));
        state.set(participant.hold() && participant.muted() ? "On hold · muted"
                : participant.hold() ? "On hold" : participant.muted() ? "Muted" : "Talking");
    }

    private static String roleText(ParticipantRole role) {
        return switch (role) {
            case WORKER -> "Agent";
            case CUSTOMER -> "Customer";
            case EXTERNAL -> "Other party";
        };
    }

    public String callSid() {
        return callSid;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
