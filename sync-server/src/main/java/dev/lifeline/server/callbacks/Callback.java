package dev.lifeline.server.callbacks;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A promise to call a customer back, kept in the {@code callbacks} map and written through to the database
 * ({@link CallbackMapStore}), so it outlives every member. Immutable; every change makes a new copy with a higher
 * {@code version} (what a split-brain merge keeps, as for incidents).
 *
 * @param id             the callback's id (a UUID), also its key
 * @param number         the customer's number, E.164
 * @param reason         why the customer wants a call, as the agent or the website put it (may be empty)
 * @param requestedAt    when it was asked for
 * @param dueAt          when the call is due
 * @param zone           the customer's time zone the due time was given in (what the agent is told)
 * @param priority       the task's TaskRouter priority when it enters the queue (higher first)
 * @param preferredAgent the TaskRouter worker SID of the agent it is offered to first, or null for anyone
 * @param source         who asked: {@code desktop:<identity>}, {@code website}, {@code recovery:<incident>}
 * @param state          where it is
 * @param taskSid        its TaskRouter task once queued, else null
 * @param attempts       every try at reaching the customer, oldest first
 * @param closeReason    why it ended ({@code FAILED}, {@code CANCELLED}), else null
 * @param version        raised by every change
 */
public record Callback(String id, String number, String reason, Instant requestedAt, Instant dueAt, String zone,
                       int priority, String preferredAgent, String source, CallbackState state, String taskSid,
                       List<CallbackAttempt> attempts, String closeReason, long version) implements Serializable {

    public Callback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
        ZoneId.of(Objects.requireNonNull(zone, "zone"));
        reason = reason == null ? "" : reason;
        attempts = List.copyOf(attempts == null ? List.of() : attempts);
    }

    /** A new callback, waiting for {@code dueAt}. */
    public static Callback scheduled(String id, String number, String reason, Instant requestedAt, Instant dueAt,
                                     String zone, int priority, String preferredAgent, String source) {
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, preferredAgent, source,
                CallbackState.SCHEDULED, null, List.of(), null, 1);
    }

    /** The due time as the customer gave it. */
    public ZonedDateTime dueInZone() {
        return dueAt.atZone(ZoneId.of(zone));
    }

    public boolean isDue(Instant now) {
        return state == CallbackState.SCHEDULED && !dueAt.isAfter(now);
    }

    public Callback inState(CallbackState next) {
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, preferredAgent, source, next, taskSid,
                attempts, closeReason, version + 1);
    }

    /** Offered to every agent from now on. */
    public Callback forAnyone() {
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, null, source, state, taskSid,
                attempts, closeReason, version + 1);
    }

    public Callback queuedAs(String task) {
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, preferredAgent, source,
                CallbackState.QUEUED, task, attempts, closeReason, version + 1);
    }

    /** Back to waiting, for another try at {@code next} (a retry after busy or no answer). */
    public Callback rescheduledAt(Instant next) {
        return new Callback(id, number, reason, requestedAt, next, zone, priority, preferredAgent, source,
                CallbackState.SCHEDULED, null, attempts, closeReason, version + 1);
    }

    public Callback withAttempt(CallbackAttempt attempt) {
        List<CallbackAttempt> more = new ArrayList<>(attempts);
        more.removeIf(existing -> existing.number() == attempt.number());
        more.add(attempt);
        more.sort(java.util.Comparator.comparingInt(CallbackAttempt::number));
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, preferredAgent, source, state, taskSid,
                more, closeReason, version + 1);
    }

    public Callback closed(CallbackState finalState, String why) {
        if (!finalState.isFinal()) {
            throw new IllegalArgumentException("state: " + finalState + " does not close a callback");
        }
        return new Callback(id, number, reason, requestedAt, dueAt, zone, priority, preferredAgent, source, finalState,
                taskSid, attempts, why, version + 1);
    }
}
