package dev.lifeline.model.queue;

import dev.lifeline.model.validation.Require;

/**
 * One TaskRouter queue on the supervisor panel.
 *
 * @param queueName          the TaskQueue's friendly name
 * @param queueSid           the TaskQueue SID ({@code WQ…})
 * @param waitingTasks       tasks pending or reserved in the queue
 * @param longestWaitSeconds age in the queue of the oldest waiting task; 0 when none waits
 * @param agentsAvailable    eligible agents free to take a task
 * @param agentsBusy         eligible agents on a task (including wrap-up and recovery)
 * @param agentsOffline      eligible agents offline or gone
 * @param service            how the queue served its callers lately (issue 19); {@code null} from a server that does not
 *                           count them
 */
public record QueueStats(
        String queueName,
        String queueSid,
        int waitingTasks,
        long longestWaitSeconds,
        int agentsAvailable,
        int agentsBusy,
        int agentsOffline,
        QueueService service) {

    /** A row without service figures. */
    public QueueStats(String queueName, String queueSid, int waitingTasks, long longestWaitSeconds, int agentsAvailable,
                      int agentsBusy, int agentsOffline) {
        this(queueName, queueSid, waitingTasks, longestWaitSeconds, agentsAvailable, agentsBusy, agentsOffline, null);
    }

    public QueueStats {
        Require.text(queueName, "queueName");
        Require.text(queueSid, "queueSid");
        Require.atLeast(waitingTasks, 0, "waitingTasks");
        Require.atLeast(longestWaitSeconds, 0, "longestWaitSeconds");
        Require.atLeast(agentsAvailable, 0, "agentsAvailable");
        Require.atLeast(agentsBusy, 0, "agentsBusy");
        Require.atLeast(agentsOffline, 0, "agentsOffline");
    }
}
