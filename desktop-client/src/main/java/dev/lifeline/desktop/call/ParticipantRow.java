package dev.lifeline.desktop.call;

import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the participants list; updated in place so the list neither flickers nor loses its selection. */
public final class ParticipantRow {

    private final String callSid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyBooleanWrapper hold = new ReadOnlyBooleanWrapper(this, "hold");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyBooleanWrapper me = new ReadOnlyBooleanWrapper(this, "me");
    private final ReadOnlyBooleanWrapper customer = new ReadOnlyBooleanWrapper(this, "customer");
    private final ReadOnlyBooleanWrapper agent = new ReadOnlyBooleanWrapper(this, "agent");

    ParticipantRow(ParticipantView participant, boolean isMe) {
        this.callSid = participant.callSid();
        update(participant, isMe);
    }

    void update(ParticipantView participant, boolean isMe) {
        String shown = participant.displayName() != null ? participant.displayName()
                : participant.label() != null ? participant.label() : participant.callSid();
        name.set(isMe ? shown + " (you)" : shown);
        role.set(roleText(participant.role()));
        hold.set(participant.hold());
        muted.set(participant.muted());
        me.set(isMe);
        customer.set(participant.role() == ParticipantRole.CUSTOMER);
        agent.set(participant.role() == ParticipantRole.WORKER);
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

    public ReadOnlyBooleanProperty holdProperty() {
        return hold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** The agent's own leg (hold and remove are for the others; the agent hangs up instead). */
    public ReadOnlyBooleanProperty meProperty() {
        return me.getReadOnlyProperty();
    }

    /** The customer: never removed from the call (their leaving ends it). */
    public ReadOnlyBooleanProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    /** Another agent's leg (a warm transfer's target, once joined). */
    public ReadOnlyBooleanProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }
}
