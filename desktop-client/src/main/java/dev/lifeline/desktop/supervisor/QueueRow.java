package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.queue.QueueStats;
import java.time.Duration;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A queue line of the panel: waiting tasks, longest wait, agents available / busy / offline. */
public final class QueueRow {

    private final String queueSid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyStringWrapper longestWait = new ReadOnlyStringWrapper(this, "longestWait");
    private final ReadOnlyIntegerWrapper available = new ReadOnlyIntegerWrapper(this, "available");
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper offline = new ReadOnlyIntegerWrapper(this, "offline");

    QueueRow(QueueStats stats) {
        this.queueSid = stats.queueSid();
        update(stats);
    }

    void update(QueueStats stats) {
        name.set(stats.queueName());
        waiting.set(stats.waitingTasks());
        longestWait.set(stats.waitingTasks() == 0 ? "—" : Durations.clock(Duration.ofSeconds(stats.longestWaitSeconds())));
        available.set(stats.agentsAvailable());
        busy.set(stats.agentsBusy());
        offline.set(stats.agentsOffline());
    }

    public String queueSid() {
        return queueSid;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty longestWaitProperty() {
        return longestWait.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }
}
