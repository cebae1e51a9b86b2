package dev.lifeline.model.queue;

import dev.lifeline.model.validation.Require;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How a queue served its callers over a sliding window ending when the snapshot was taken: the supervisor's per-queue
 * figures next to the TaskRouter ones (waiting now, longest wait) of {@link QueueStats}.
 *
 * @param window              how far back the counts go
 * @param serviceLevelSeconds the service-level threshold: answered within this many seconds of entering the queue
 * @param answered            callers an agent accepted in the window
 * @param answeredInTime      those of them who had waited at most {@code serviceLevelSeconds}
 * @param abandoned           callers who left (hung up) before anyone accepted them, in the window
 * @param averageWait         mean wait of the callers answered in the window; {@code null} when none was
 * @param estimatedWait       what a caller arriving now would be told (the queue's recent acceptance rate); {@code null}
 *                            while there is no rate to go by
 */
public record QueueService(
        Duration window,
        int serviceLevelSeconds,
        int answered,
        int answeredInTime,
        int abandoned,
        Duration averageWait,
        Duration estimatedWait) {

    public QueueService {
        Require.present(window, "window");
        Require.atLeast(serviceLevelSeconds, 1, "serviceLevelSeconds");
        Require.atLeast(answered, 0, "answered");
        Require.atLeast(answeredInTime, 0, "answeredInTime");
        Require.atLeast(abandoned, 0, "abandoned");
        if (answeredInTime > answered) {
            throw new IllegalArgumentException("answeredInTime: " + answeredInTime + " is more than answered " + answered);
        }
        if ((averageWait == null) != (answered == 0)) {
            throw new IllegalArgumentException("averageWait: present exactly when some caller was answered");
        }
        if (averageWait != null && averageWait.isNegative() || estimatedWait != null && estimatedWait.isNegative()) {
            throw new IllegalArgumentException("averageWait and estimatedWait: never negative");
        }
    }

    /** Answered within {@link #serviceLevelSeconds} among the answered (empty when none was). */
    public OptionalDouble serviceLevel() {
        return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) answeredInTime / answered);
    }

    /** Abandoned among all who left the queue, answered or not (empty when nobody left). */
    public OptionalDouble abandonmentRate() {
        int left = answered + abandoned;
        return left == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) abandoned / left);
    }
}
