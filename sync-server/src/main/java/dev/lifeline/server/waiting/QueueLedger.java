package dev.lifeline.server.waiting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.model.queue.QueueService;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How each TaskQueue served its callers over the last {@link #WINDOW}: the supervisor's per-queue figures
 * ({@link QueueService}) beside TaskRouter's own real-time ones (waiting now, longest wait).
 *
 * <p>Which events, and why. Only the voice workflow's callers count; reconnects (a {@code targetWorkerSid}: a recovery
 * going back to one agent), agents' outbound calls and callbacks (a promise to call, nobody on the line) are not queue
 * service and are left out.
 * <ul>
 *   <li>{@code task.created}: the caller entered the queueing system; their wait starts here, not at
 *       {@code task-queue.entered}, so a caller who overflowed to a backup queue is measured from the start, as they
 *       experienced it.</li>
 *   <li>{@code reservation.accepted}: an agent took the caller; it counts as answered for the queue the task was in
 *       then ({@code TaskQueueSid} of the event: after an overflow, the backup queue that served them).</li>
 *   <li>{@code task.canceled} of a task nobody accepted: the caller hung up while queued (the {@code <Enqueue>}'d call
 *       ended); abandoned in the queue they were waiting in.</li>
 * </ul>
 * A task counts once, when it leaves the waiting set, however often Event Streams delivers its events; a task whose
 * {@code task.created} this member did not see is not counted (its wait is unknown). Kept in memory per member, like
 * {@link AcceptanceLog}: behind a load balancer spreading Event Streams deliveries a member's figures are its share.
 */
public final class QueueLedger {

    /** The supervisor's window: the estimate's own ({@link WaitEstimator#WINDOW}) and the panel's 30-minute chart. */
    public static final Duration WINDOW = WaitEstimator.WINDOW;
    private static final int REMEMBERED = 10_000;

    private final Supplier<String> voiceWorkflowSid;
    private final Clock clock;
    private final int serviceLevelSeconds;
    /** Tasks created and not yet accepted or canceled → when they were created. */
    private final Map<String, Instant> waiting = new LinkedHashMap<>();
    /** Per queue SID, the callers who left it in the window, oldest first. */
    private final Map<String, Deque<Left>> leftByQueue = new HashMap<>();

    private record Left(Instant at, boolean answered, Duration waited) {
    }

    public QueueLedger(Supplier<String> voiceWorkflowSid, Clock clock, int serviceLevelSeconds) {
        if (serviceLevelSeconds < 1) {
            throw new IllegalArgumentException("serviceLevelSeconds must be at least 1, got " + serviceLevelSeconds);
        }
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.clock = clock;
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public void onTaskRouterEvent(TaskRouterEvent event) {
        String type = event.eventType();
        if (!("task.created".equals(type) || "reservation.accepted".equals(type) || "task.canceled".equals(type))
                || event.taskSid() == null || !Objects.equals(voiceWorkflowSid.get(), event.workflowSid())) {
            return;
        }
        JsonNode attributes = AcceptanceLog.attributes(event.taskAttributes());
        if (attributes.hasNonNull("targetWorkerSid") || "outbound".equals(attributes.path("direction").asText())
                || attributes.hasNonNull("callbackId")) {
            return;
        }
        Instant now = clock.instant();
        if ("task.created".equals(type)) {
            created(event.taskSid(), now);
        } else if (event.taskQueueSid() != null && ("task.canceled".equals(type) || event.reservationSid() != null)) {
            left(event.taskSid(), event.taskQueueSid(), "reservation.accepted".equals(type), now);
        }
    }

    private synchronized void created(String taskSid, Instant at) {
        waiting.putIfAbsent(taskSid, at);
        if (waiting.size() > REMEMBERED) {
            waiting.remove(waiting.keySet().iterator().next());
        }
    }

    private synchronized void left(String taskSid, String queueSid, boolean answered, Instant at) {
        Instant createdAt = waiting.remove(taskSid);
        if (createdAt == null) {
            return; // counted already, or never seen entering
        }
        Deque<Left> left = leftByQueue.computeIfAbsent(queueSid, q -> new ArrayDeque<>());
        left.addLast(new Left(at, answered, Duration.between(createdAt, at)));
        while (left.size() > REMEMBERED) {
            left.removeFirst();
        }
    }

    /** Whether this member saw {@code taskSid} enter and not yet leave (tests wait on it before moving their clock). */
    public synchronized boolean isWaiting(String taskSid) {
        return waiting.containsKey(taskSid);
    }

    /**
     * @param waitingNow the callers in the queue now (TaskRouter's count): a new caller would be number
     *                   {@code waitingNow + 1}
     * @return the window ending now, on this ledger's clock (the one that stamped the events)
     */
    public synchronized QueueService figures(String queueSid, int waitingNow) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        Deque<Left> left = leftByQueue.getOrDefault(queueSid, new ArrayDeque<>());
        while (!left.isEmpty() && left.peekFirst().at().isBefore(since)) {
            left.removeFirst();
        }
        int answered = 0;
        int inTime = 0;
        int abandoned = 0;
        Duration waited = Duration.ZERO;
        Duration threshold = Duration.ofSeconds(serviceLevelSeconds);
        List<Instant> acceptances = new ArrayList<>();
        for (Left one : left) {
            if (one.at().isAfter(now)) {
                continue;
            }
            if (!one.answered()) {
                abandoned++;
                continue;
            }
            answered++;
            waited = waited.plus(one.waited());
            acceptances.add(one.at());
            if (one.waited().compareTo(threshold) <= 0) {
                inTime++;
            }
        }
        Duration average = answered == 0 ? null : waited.dividedBy(answered);
        Duration estimate = WaitEstimator.estimate(acceptances, waitingNow + 1, now).orElse(null);
        return new QueueService(WINDOW, serviceLevelSeconds, answered, inTime, abandoned, average, estimate);
    }
}
