package dev.lifeline.server.twilio;

import java.util.Map;

/** One queue's real-time figures: waiting = pending + reserved tasks. */
public record QueueStatistics(String queueSid, int waitingTasks, long longestWaitSeconds, int availableWorkers,
                              int eligibleWorkers, Map<String, Long> workersByActivity) {
}
