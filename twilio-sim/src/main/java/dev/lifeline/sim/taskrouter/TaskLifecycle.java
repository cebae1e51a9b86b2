package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.SimClock;
import dev.lifeline.sim.core.TwilioApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every status change of tasks, reservations and worker activities, with the events TaskRouter raises for it.
 * Illegal transitions are a 400 with code 20001 and change nothing. Routing (offering freed capacity to the
 * next task) runs after each world action, see {@link TaskRouterWorld}.
 */
final class TaskLifecycle {

    /** Twilio's cancel reason when a task's {@code Timeout} (TTL) passes before it is assigned. */
    static final String TTL_EXCEEDED = "Task TTL Exceeded";

    private final SimClock clock;
    private final TaskRouterEvents events;

    TaskLifecycle(SimClock clock, TaskRouterEvents events) {
        this.clock = clock;
        this.events = events;
    }

    // ---- reservations --------------------------------------------------------------------------------------

    void accept(Workspace ws, Reservation reservation) {
        requireReservation(reservation, ReservationStatus.PENDING, "accepted");
        Task task = ws.tasks.get(reservation.taskSid);
        reservation.moveTo(ReservationStatus.ACCEPTED, now());
        task.status = TaskStatus.ASSIGNED;
        task.cancelTimers(); // TTL and steps only apply until a worker has the task
        task.touch(now());
        events.reservation(ws, "reservation.accepted", reservation);
        TaskQueue queue = ws.queues.get(task.queueSid);
        if (queue != null && queue.assignmentActivitySid != null && ws.activities.containsKey(queue.assignmentActivitySid)) {
            changeActivity(ws, ws.workers.get(reservation.workerSid), queue.assignmentActivitySid);
        }
    }

    /** The worker refused: TaskRouter does not offer this task to them again and re-routes it. */
    void reject(Workspace ws, Reservation reservation) {
        requireReservation(reservation, ReservationStatus.PENDING, "rejected");
        Task task = ws.tasks.get(reservation.taskSid);
        task.rejectedBy.add(reservation.workerSid);
        endPending(ws, reservation, ReservationStatus.REJECTED, "reservation.rejected");
    }

    /**
     * The worker's leg of a conference instruction never connected (no-answer, busy, failed, canceled). Twilio
     * rejects the reservation and routes the task again; unlike a refusal, the same worker stays eligible, since
     * a dead softphone is no reason to keep a worker's own reconnect task from them.
     */
    void workerLegFailed(Workspace ws, Reservation reservation) {
        if (reservation.status == ReservationStatus.PENDING) {
            endPending(ws, reservation, ReservationStatus.REJECTED, "reservation.rejected");
        }
    }

    /** {@code TaskReservationTimeout} passed: the worker moves to the workspace's timeout activity, the task re-routes. */
    void reservationTimedOut(Workspace ws, Reservation reservation) {
        if (reservation.status != ReservationStatus.PENDING || ws.reservations.get(reservation.sid) != reservation) {
            return;
        }
        endPending(ws, reservation, ReservationStatus.TIMEOUT, "reservation.timeout");
        Worker worker = ws.workers.get(reservation.workerSid);
        if (worker != null && ws.timeoutActivitySid != null && ws.activities.containsKey(ws.timeoutActivitySid)) {
            changeActivity(ws, worker, ws.timeoutActivitySid);
        }
    }

    /** The task left its target (step timeout) while offered: pending reservations are rescinded. */
    void rescindPending(Workspace ws, Task task) {
        for (Reservation reservation : reservationsOf(ws, task)) {
            if (reservation.status == ReservationStatus.PENDING) {
                endPending(ws, reservation, ReservationStatus.RESCINDED, "reservation.rescinded");
            }
        }
    }

    void wrap(Workspace ws, Reservation reservation) {
        requireReservation(reservation, ReservationStatus.ACCEPTED, "wrapping");
        reservation.moveTo(ReservationStatus.WRAPPING, now());
        Task task = ws.tasks.get(reservation.taskSid);
        if (task.status == TaskStatus.ASSIGNED) {
            task.status = TaskStatus.WRAPPING;
            task.touch(now());
            events.task(ws, "task.wrapup", task);
        }
        events.reservation(ws, "reservation.wrapup", reservation);
    }

    void complete(Workspace ws, Reservation reservation) {
        if (reservation.status != ReservationStatus.ACCEPTED && reservation.status != ReservationStatus.WRAPPING) {
            throw illegal("Reservation " + reservation.sid + " is " + reservation.status.wire() + "; it cannot be completed");
        }
        Task task = ws.tasks.get(reservation.taskSid);
        finish(ws, reservation, ReservationStatus.COMPLETED, "reservation.completed");
        if (task.status == TaskStatus.ASSIGNED || task.status == TaskStatus.WRAPPING) {
            task.status = TaskStatus.COMPLETED;
            task.touch(now());
            events.task(ws, "task.completed", task);
        }
    }

    // ---- tasks ---------------------------------------------------------------------------------------------

    /** Twilio allows {@code canceled} only while the task is pending or reserved; offers are canceled with it. */
    void cancel(Workspace ws, Task task, String reason) {
        if (!task.status.isWaiting()) {
            throw illegal("Task " + task.sid + " is " + task.status.wire() + "; only pending or reserved tasks can be canceled");
        }
        for (Reservation reservation : reservationsOf(ws, task)) {
            if (reservation.status == ReservationStatus.PENDING) {
                finish(ws, reservation, ReservationStatus.CANCELED, "reservation.canceled");
            }
        }
        task.status = TaskStatus.CANCELED;
        task.reason = reason;
        task.cancelTimers();
        task.touch(now());
        events.task(ws, "task.canceled", task);
    }

    void wrapTask(Workspace ws, Task task, String reason) {
        if (task.status != TaskStatus.ASSIGNED) {
            throw illegal("Task " + task.sid + " is " + task.status.wire() + "; only assigned tasks can move to wrapping");
        }
        task.status = TaskStatus.WRAPPING;
        task.reason = reason != null ? reason : task.reason;
        task.touch(now());
        events.task(ws, "task.wrapup", task);
        for (Reservation reservation : reservationsOf(ws, task)) {
            if (reservation.status == ReservationStatus.ACCEPTED) {
                reservation.moveTo(ReservationStatus.WRAPPING, now());
                events.reservation(ws, "reservation.wrapup", reservation);
            }
        }
    }

    void completeTask(Workspace ws, Task task, String reason) {
        if (task.status != TaskStatus.ASSIGNED && task.status != TaskStatus.WRAPPING) {
            throw illegal("Task " + task.sid + " is " + task.status.wire() + "; only assigned or wrapping tasks can be completed");
        }
        task.status = TaskStatus.COMPLETED;
        task.reason = reason != null ? reason : task.reason;
        task.touch(now());
        events.task(ws, "task.completed", task);
        for (Reservation reservation : reservationsOf(ws, task)) {
            if (reservation.status == ReservationStatus.ACCEPTED || reservation.status == ReservationStatus.WRAPPING) {
                finish(ws, reservation, ReservationStatus.COMPLETED, "reservation.completed");
            }
        }
    }

    void delete(Workspace ws, Task task) {
        for (Reservation reservation : reservationsOf(ws, task)) {
            if (reservation.status == ReservationStatus.PENDING) {
                finish(ws, reservation, ReservationStatus.CANCELED, "reservation.canceled");
            }
            freeWorker(ws, reservation);
        }
        task.cancelTimers();
        events.task(ws, "task.deleted", task);
        ws.tasks.remove(task.sid);
        ws.reservations.values().removeIf(r -> r.taskSid.equals(task.sid));
    }

    void ttlExpired(Workspace ws, Task task) {
        if (ws.tasks.get(task.sid) == task && task.status.isWaiting()) {
            task.ttlTimer = null;
            cancel(ws, task, TTL_EXCEEDED);
        }
    }

    // ---- workers -------------------------------------------------------------------------------------------

    void changeActivity(Workspace ws, Worker worker, String activitySid) {
        if (activitySid.equals(worker.activitySid)) {
            return;
        }
        Activity previous = ws.activities.get(worker.activitySid);
        Instant now = now();
        Duration inPrevious = Duration.between(worker.dateStatusChanged, now);
        worker.activitySid = activitySid;
        worker.dateStatusChanged = now;
        if (ws.isAvailable(worker) && (previous == null || !previous.available)) {
            worker.idleSince = now;
            worker.idleOrder = ws.nextArrival();
        }
        worker.touch(now);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("worker_previous_activity_sid", previous == null ? null : previous.sid);
        extra.put("worker_previous_activity_name", previous == null ? null : previous.friendlyName);
        extra.put("worker_time_in_previous_activity", inPrevious.toSeconds());
        extra.put("worker_time_in_previous_activity_ms", inPrevious.toMillis());
        events.worker(ws, "worker.activity.update", worker, extra);
    }

    /** Twilio's {@code RejectPendingReservations=true} on a move to an unavailable activity. */
    void rejectPendingOf(Workspace ws, Worker worker) {
        ws.reservations.values().stream()
                .filter(r -> r.workerSid.equals(worker.sid) && r.status == ReservationStatus.PENDING)
                .toList()
                .forEach(r -> reject(ws, r));
    }

    // ---- shared --------------------------------------------------------------------------------------------

    /** A pending offer ends without an assignment: the capacity frees and the task waits again. */
    private void endPending(Workspace ws, Reservation reservation, ReservationStatus status, String event) {
        reservation.moveTo(status, now());
        freeWorker(ws, reservation);
        Task task = ws.tasks.get(reservation.taskSid);
        if (task.status == TaskStatus.RESERVED
                && reservationsOf(ws, task).stream().noneMatch(r -> r.status == ReservationStatus.PENDING)) {
            task.status = TaskStatus.PENDING;
            task.touch(now());
        }
        events.reservation(ws, event, reservation);
    }

    private void finish(Workspace ws, Reservation reservation, ReservationStatus status, String event) {
        reservation.moveTo(status, now());
        freeWorker(ws, reservation);
        events.reservation(ws, event, reservation);
    }

    private void freeWorker(Workspace ws, Reservation reservation) {
        Worker worker = ws.workers.get(reservation.workerSid);
        if (worker != null) {
            worker.idleSince = now();
            worker.idleOrder = ws.nextArrival();
        }
    }

    private static List<Reservation> reservationsOf(Workspace ws, Task task) {
        return ws.reservations.values().stream().filter(r -> r.taskSid.equals(task.sid)).toList();
    }

    private static void requireReservation(Reservation reservation, ReservationStatus expected, String target) {
        if (reservation.status != expected) {
            throw illegal("Reservation " + reservation.sid + " is " + reservation.status.wire()
                    + "; it cannot move to " + target);
        }
    }

    private static TwilioApiException illegal(String message) {
        return TwilioApiException.badRequest(message);
    }

    private Instant now() {
        return clock.now();
    }
}
