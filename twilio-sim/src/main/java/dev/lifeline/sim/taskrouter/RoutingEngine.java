package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a task waits and who gets it, as TaskRouter routes: the workflow's filters in order, the matched
 * filter's targets (steps) in order with their {@code timeout} escalating to the next one, {@code skip_if},
 * known-worker targets, then waiting tasks offered by priority and age (FIFO, or LIFO for a LIFO queue) to the
 * longest-idle eligible worker that is in an available activity and has capacity on the task's channel.
 */
final class RoutingEngine {

    private final SimClock clock;
    private final TaskRouterEvents events;
    private final WorldTimers timers;
    private TaskLifecycle lifecycle;

    RoutingEngine(SimClock clock, TaskRouterEvents events, WorldTimers timers) {
        this.clock = clock;
        this.events = events;
        this.timers = timers;
    }

    void lifecycle(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** A new task enters its workflow: the first filter whose expression matches its attributes wins. */
    void place(Workspace ws, Task task) {
        WorkflowConfiguration configuration = ws.workflows.get(task.workflowSid).configuration;
        List<WorkflowConfiguration.Filter> filters = configuration.filters();
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).expression().matches(task.attributes, task.attributes, Map.of())) {
                task.filterIndex = i;
                enterTarget(ws, task, 0);
                return;
            }
        }
        task.filterIndex = -1;
        enterDefault(ws, task, "Task did not match any workflow filter");
    }

    /** Offers waiting tasks to free workers, best task first. Safe to call after any change. */
    void dispatch(Workspace ws) {
        List<Task> waiting = ws.tasks.values().stream()
                .filter(t -> t.status == TaskStatus.PENDING && t.queueSid != null)
                .sorted(taskOrder(ws))
                .toList();
        for (Task task : waiting) {
            freeWorkers(ws, task)
                    .min(Comparator.comparing((Worker w) -> w.idleSince).thenComparingLong(w -> w.idleOrder))
                    .ifPresent(worker -> reserve(ws, task, worker));
        }
    }

    /** Workers who could take this task in its current target, whether or not they are free right now. */
    Stream<Worker> eligibleWorkers(Workspace ws, Task task) {
        TaskQueue queue = task.queueSid == null ? null : ws.queues.get(task.queueSid);
        if (queue == null) {
            return Stream.empty();
        }
        WorkflowConfiguration.Target target = currentTarget(ws, task).orElse(null);
        return eligibleFor(ws, task, queue, target);
    }

    /** Eligible, in an available activity, with free capacity on the task's channel, and not refused before. */
    Stream<Worker> freeWorkers(Workspace ws, Task task) {
        return eligibleWorkers(ws, task)
                .filter(w -> !task.rejectedBy.contains(w.sid))
                .filter(w -> ws.isAvailable(w) && hasCapacity(ws, w, task.taskChannelSid));
    }

    static boolean hasCapacity(Workspace ws, Worker worker, String channelSid) {
        WorkerChannel channel = channelOf(ws, worker, channelSid);
        return channel.available && consumed(ws, worker, channelSid) < channel.capacity;
    }

    static long consumed(Workspace ws, Worker worker, String channelSid) {
        return ws.reservations.values().stream()
                .filter(r -> r.workerSid.equals(worker.sid) && r.taskChannelSid.equals(channelSid)
                        && r.status.consumesCapacity())
                .count();
    }

    /** Every worker has a capacity on every channel; Twilio's default is 1. */
    static WorkerChannel channelOf(Workspace ws, Worker worker, String channelSid) {
        return worker.channels.computeIfAbsent(channelSid,
                sid -> new WorkerChannel(Sids.next("WC"), sid, 1, worker.created));
    }

    private void enterTarget(Workspace ws, Task task, int from) {
        task.cancelStepTimer();
        WorkflowConfiguration.Filter filter = filterOf(ws, task);
        for (int i = from; i < filter.targets().size(); i++) {
            WorkflowConfiguration.Target target = filter.targets().get(i);
            if (target.skipIf() != null && skips(ws, task, target)) {
                events.workflow(ws, "workflow.skipped", task, targetFields(filter, target, i));
                continue;
            }
            Duration remaining = untilStepDeadline(filter, task, i);
            if (target.timeout() != null && remaining.isZero()) {
                continue; // a task routed again late has already outlived this target
            }
            task.targetIndex = i;
            if (target.priority() != null) {
                task.priority = target.priority();
            }
            moveToQueue(ws, task, target.queueSid());
            events.workflow(ws, "workflow.target-matched", task, targetFields(filter, target, i));
            if (target.timeout() != null) {
                int step = i;
                task.stepTimer = timers.schedule(remaining, () -> stepTimedOut(ws, task, step));
            }
            return;
        }
        enterDefault(ws, task, "Every target of the workflow filter was skipped");
    }

    /**
     * Twilio measures target timeouts against the task's age: target {@code i} ends when the task is as old as
     * the sum of the timeouts of targets 0…i ("Lifecycle of a Task: Timeout evaluation").
     */
    private Duration untilStepDeadline(WorkflowConfiguration.Filter filter, Task task, int step) {
        long deadline = 0;
        for (int k = 0; k <= step; k++) {
            Integer timeout = filter.targets().get(k).timeout();
            deadline += timeout == null ? 0 : timeout;
        }
        Duration remaining = Duration.ofSeconds(deadline).minus(Duration.between(task.created, clock.now()));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** A target's {@code timeout} passed with the task still waiting: on to the next target. */
    private void stepTimedOut(Workspace ws, Task task, int step) {
        if (ws.tasks.get(task.sid) != task || !task.status.isWaiting() || task.targetIndex != step) {
            return;
        }
        task.stepTimer = null;
        lifecycle.rescindPending(ws, task);
        WorkflowConfiguration.Filter filter = filterOf(ws, task);
        if (step + 1 < filter.targets().size()) {
            enterTarget(ws, task, step + 1);
        } else {
            events.workflow(ws, "workflow.timeout", task, Map.of());
            enterDefault(ws, task, "Workflow Timeout");
        }
    }

    /**
     * The default filter's queue. Without one, a task already waiting somewhere stays there; a task that never
     * reached a queue is canceled, since nobody could ever get it.
     */
    private void enterDefault(Workspace ws, Task task, String cancelReason) {
        String defaultQueue = ws.workflows.get(task.workflowSid).configuration.defaultQueueSid();
        if (defaultQueue != null) {
            task.targetIndex = -1;
            moveToQueue(ws, task, defaultQueue);
        } else if (task.queueSid == null) {
            lifecycle.cancel(ws, task, cancelReason);
        }
    }

    private void moveToQueue(Workspace ws, Task task, String queueSid) {
        if (queueSid.equals(task.queueSid)) {
            return;
        }
        String previous = task.queueSid;
        task.queueSid = queueSid;
        task.queueEnteredAt = clock.now();
        task.touch(clock.now());
        if (previous != null) {
            TaskQueue from = ws.queues.get(previous);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("task_queue_moved_from_sid", previous);
            extra.put("task_queue_moved_from_name", from == null ? null : from.friendlyName);
            events.queue(ws, "task-queue.moved", task, extra);
        }
        events.queue(ws, "task-queue.entered", task, Map.of());
    }

    private boolean skips(Workspace ws, Task task, WorkflowConfiguration.Target target) {
        TaskQueue queue = ws.queues.get(target.queueSid());
        long available = eligibleFor(ws, task, queue, target)
                .filter(w -> ws.isAvailable(w) && hasCapacity(ws, w, task.taskChannelSid))
                .count();
        return target.skipIf().matches(Map.of("workers", Map.of("available", available)), task.attributes, Map.of());
    }

    private void reserve(Workspace ws, Task task, Worker worker) {
        Instant now = clock.now();
        Reservation reservation = new Reservation(Sids.next("WR"), task.sid, worker.sid, task.taskChannelSid, now);
        ws.reservations.put(reservation.sid, reservation);
        task.status = TaskStatus.RESERVED;
        task.touch(now);
        int timeout = ws.workflows.get(task.workflowSid).taskReservationTimeout;
        reservation.timeoutTimer = timers.schedule(Duration.ofSeconds(timeout),
                () -> lifecycle.reservationTimedOut(ws, reservation));
        events.reservation(ws, "reservation.created", reservation);
    }

    private static Stream<Worker> eligibleFor(Workspace ws, Task task, TaskQueue queue,
                                              WorkflowConfiguration.Target target) {
        return ws.workers.values().stream()
                .filter(w -> {
                    Map<String, Object> worker = ws.routingDocument(w);
                    return queue.targetWorkers.matches(worker, task.attributes, worker)
                            && (target == null || target.expression() == null
                                || target.expression().matches(worker, task.attributes, worker));
                })
                .filter(w -> target == null || isKnownWorker(target, task, w));
    }

    /** {@code known_worker_sid}/{@code known_worker_friendly_name} name a task attribute ({@code task.x}) or a literal. */
    private static boolean isKnownWorker(WorkflowConfiguration.Target target, Task task, Worker worker) {
        if (target.knownWorkerSid() != null) {
            return worker.sid.equals(resolve(target.knownWorkerSid(), task));
        }
        if (target.knownWorkerName() != null) {
            return worker.friendlyName.equals(resolve(target.knownWorkerName(), task));
        }
        return true;
    }

    private static String resolve(String reference, Task task) {
        if (!reference.startsWith("task.")) {
            return reference;
        }
        Object value = Attributes.path(task.attributes, reference.substring("task.".length()));
        return value == null ? null : value.toString();
    }

    private Optional<WorkflowConfiguration.Target> currentTarget(Workspace ws, Task task) {
        if (task.filterIndex < 0 || task.targetIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(filterOf(ws, task).targets().get(task.targetIndex));
    }

    private static WorkflowConfiguration.Filter filterOf(Workspace ws, Task task) {
        return ws.workflows.get(task.workflowSid).configuration.filters().get(task.filterIndex);
    }

    private static Comparator<Task> taskOrder(Workspace ws) {
        return Comparator.comparingInt((Task t) -> -t.priority)
                .thenComparingLong(t -> isLifo(ws, t) ? -t.arrival : t.arrival);
    }

    private static boolean isLifo(Workspace ws, Task task) {
        TaskQueue queue = ws.queues.get(task.queueSid);
        return queue != null && "LIFO".equals(queue.taskOrder);
    }

    private static Map<String, Object> targetFields(WorkflowConfiguration.Filter filter,
                                                    WorkflowConfiguration.Target target, int index) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workflow_filter_name", filter.friendlyName());
        fields.put("workflow_filter_expression", filter.expression().text());
        fields.put("workflow_filter_target_index", index);
        fields.put("workflow_filter_target_queue_sid", target.queueSid());
        fields.put("workflow_filter_target_expression", target.expression() == null ? null : target.expression().text());
        return fields;
    }
}
