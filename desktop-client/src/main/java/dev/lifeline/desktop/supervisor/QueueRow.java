package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueStats;
import java.time.Duration;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A queue line of the panel: waiting tasks, longest wait, agents available / busy / offline, and how the queue served
 * its callers over the server's window (average wait, the wait a new caller would be told, abandonment, service
 * level); "—" where there is nothing to go by or the server sends no such figures.
 */
public final class QueueRow {

    private static final String NONE = "—";

    private final String queueSid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyStringWrapper longestWait = new ReadOnlyStringWrapper(this, "longestWait");
    private final ReadOnlyIntegerWrapper available = new ReadOnlyIntegerWrapper(this, "available");
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper offline = new ReadOnlyIntegerWrapper(this, "offline");
    private final ReadOnlyStringWrapper averageWait = new ReadOnlyStringWrapper(this, "averageWait");
    private final ReadOnlyStringWrapper estimatedWait = new ReadOnlyStringWrapper(this, "estimatedWait");
    private final ReadOnlyStringWrapper abandoned = new ReadOnlyStringWrapper(this, "abandoned");
    private final ReadOnlyStringWrapper serviceLevel = new ReadOnlyStringWrapper(this, "serviceLevel");

    QueueRow(QueueStats stats) {
        this.queueSid = stats.queueSid();
        update(stats);
    }

    void update(QueueStats stats) {
        name.set(stats.queueName());
        waiting.set(stats.waitingTasks());
        longestWait.set(stats.waitingTasks() == 0 ? NONE : Durations.clock(Duration.ofSeconds(stats.longestWaitSeconds())));
        available.set(stats.agentsAvailable());
        busy.set(stats.agentsBusy());
        offline.set(stats.agentsOffline());
        QueueService service = stats.service();
        averageWait.set(service == null || service.averageWait() == null ? NONE : Durations.clock(service.averageWait()));
        estimatedWait.set(service == null || service.estimatedWait() == null ? NONE
                : Durations.clock(service.estimatedWait()));
        abandoned.set(service == null ? NONE : percent(service.abandonmentRate()));
        serviceLevel.set(service == null || service.serviceLevel().isEmpty() ? NONE
                : percent(service.serviceLevel()) + " ≤ " + service.serviceLevelSeconds() + " s");
    }

    private static String percent(OptionalDouble share) {
        return share.isEmpty() ? NONE : Math.round(share.getAsDouble() * 100) + " %";
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

    public ReadOnlyStringProperty averageWaitProperty() {
        return averageWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimatedWaitProperty() {
        return estimatedWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abandonedProperty() {
        return abandoned.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceLevelProperty() {
        return serviceLevel.getReadOnlyProperty();
    }
}
