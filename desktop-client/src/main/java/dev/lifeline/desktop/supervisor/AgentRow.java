package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.queue.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** An agent line: name, TaskRouter activity, desktop presence, what they are doing and for how long. */
public final class AgentRow {

    private final String workerSid;
    private final String identity;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity");
    private final ReadOnlyStringWrapper presence = new ReadOnlyStringWrapper(this, "presence");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper(this, "since", "");
    private Instant stateSince;
    private String conferenceSid;

    AgentRow(AgentStatus status) {
        this.workerSid = status.agent().workerSid();
        this.identity = status.agent().identity();
        update(status);
    }

    void update(AgentStatus status) {
        name.set(status.agent().displayName());
        activity.set(status.agent().activity());
        presence.set(status.agent().presence() == AgentPresence.ONLINE ? "Online" : "Gone");
        state.set(switch (status.state()) {
            case IDLE -> "Idle";
            case RINGING -> "Ringing";
            case ON_CALL -> "On call";
            case WRAPPING -> "Wrap-up";
            case RECOVERING -> "Recovering";
        });
        stateSince = status.stateSince();
        conferenceSid = status.conferenceSid();
    }

    void tick(Instant serverNow) {
        since.set(stateSince == null ? "" : Durations.clock(Duration.between(stateSince, serverNow)));
    }

    public String workerSid() {
        return workerSid;
    }

    /** The conference of the agent's live call (what a supervisor listens to), or null. */
    public String conferenceSid() {
        return conferenceSid;
    }

    /** The agent's sign-in name (what the device routes take). */
    public String identity() {
        return identity;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since.getReadOnlyProperty();
    }
}
