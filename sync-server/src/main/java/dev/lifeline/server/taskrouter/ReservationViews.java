package dev.lifeline.server.taskrouter;

import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reservation views desktops get (offers, snapshots), from what TaskRouter told us: the caller, the queue by name,
 * and whether the reservation is the Recovery Ping or the returning agent's reconnect ({@link RecoveryReservationFlags}).
 */
public final class ReservationViews {

    private final Clock clock;
    private final Function<String, Optional<Incident>> incidents;
    private volatile String pingWorkflowSid;
    private volatile Map<String, String> queueNames = Map.of();

    /** @param incidents incident id → the incident now: whether a reconnect is still the returning agent's */
    public ReservationViews(Clock clock, Function<String, Optional<Incident>> incidents) {
        this.clock = clock;
        this.incidents = incidents;
    }

    /** Reservations of tasks on this workflow are Recovery Pings (set once the workspace is known). */
    public void pingWorkflowSid(String workflowSid) {
        this.pingWorkflowSid = workflowSid;
    }

    /** Queue SID → name, so offers say which queue a call came through (Event Streams payloads carry only the SID). */
    public void queueNames(Map<String, String> namesBySid) {
        this.queueNames = Map.copyOf(namesBySid);
    }

    /** A reservation view from what TaskRouter's events told us. */
    public ReservationView view(ReservationRecord record) {
        return view(record.reservationSid(), record.taskSid(), record.workerSid(),
                reservationStatus(record.status()).orElse(ReservationStatus.PENDING), record.channel(), record.workflowSid(),
                record.queueSid() == null ? null : queueNames.get(record.queueSid()), record.taskAttributesJson(),
                record.createdAt() != null ? record.createdAt() : clock.instant());
    }

    public ReservationView view(String reservationSid, String taskSid, String workerSid, ReservationStatus status,
                                String channel, String workflowSid, String queueName, String attributesJson,
                                Instant createdAt) {
        TaskAttributes attributes = TaskAttributesJson.read(attributesJson);
        boolean onPingWorkflow = workflowSid != null && workflowSid.equals(pingWorkflowSid);
        RecoveryReservationFlags recovery = RecoveryReservationFlags.of(attributes, workerSid, onPingWorkflow, incidents);
        String number = TaskCaller.number(attributes);
        String label = TaskCaller.label(attributes);
        return new ReservationView(reservationSid, taskSid, workerSid, status, channelOr(channel, null),
                label != null ? label : number, number, queueName, createdAt, null, recovery.ping(), recovery.reconnect(),
                recovery.incidentId());
    }

    public static Optional<ReservationStatus> reservationStatus(String wire) {
        return constant(ReservationStatus.class, wire);
    }

    public static Optional<TaskStatus> taskStatus(String wire) {
        return constant(TaskStatus.class, wire);
    }

    /** TaskRouter's lower-case word as the shared model's constant; empty for a word this build does not know. */
    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, wire.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The task's channel as TaskRouter named it, else the fallback, else {@code voice}. */
    static String channelOr(String channel, String fallback) {
        if (channel != null && !channel.isBlank()) {
            return channel;
        }
        return fallback != null && !fallback.isBlank() ? fallback : "voice";
    }
}
