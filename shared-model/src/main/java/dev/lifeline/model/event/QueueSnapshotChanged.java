package dev.lifeline.model.event;

import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.validation.Require;

/** {@code queue-snapshot}: the supervisor panel's new state; sent to supervisors only. */
public record QueueSnapshotChanged(QueueSnapshot snapshot) implements ServerEvent {

    public QueueSnapshotChanged {
        Require.present(snapshot, "snapshot");
    }
}
