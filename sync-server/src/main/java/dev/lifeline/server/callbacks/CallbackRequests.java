package dev.lifeline.server.callbacks;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.lifeline.model.callbacks.ScheduleCallback;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.entry.BusinessHours;
import dev.lifeline.server.http.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Turns a request for a callback (an agent's, a website's, a recovery's) into a kept {@link Callback}: the due time
 * must be ahead, within a year, and inside the contact centre's hours; a bad request is a 400 naming the field and
 * nothing is kept. The one way callbacks are made, so every source gets the same checks.
 */
public final class CallbackRequests {

    /** A promise further ahead than this is a typing mistake, not a plan. */
    static final Duration FURTHEST = Duration.ofDays(365);

    private final CallbackBook book;
    private final BusinessHours hours;
    private final int priority;
    private final Clock clock;
    private final BooleanSupplier servesState;

    /**
     * @param priority    the task priority of a scheduled callback ({@code callbacks.priority})
     * @param servesState whether this member is on the majority side (a minority keeps nothing)
     */
    public CallbackRequests(CallbackBook book, BusinessHours hours, int priority, Clock clock, BooleanSupplier servesState) {
        this.book = book;
        this.hours = hours;
        this.priority = priority;
        this.clock = clock;
        this.servesState = servesState;
    }

    /**
     * Keeps a scheduled callback; returns once it is in the database.
     *
     * @param source who asked ({@code desktop:alice}, {@code website})
     * @throws ApiProblem 400 for a past time, one more than a year ahead, or one outside business hours
     */
    public Callback schedule(ScheduleCallback request, String source) {
        Instant now = clock.instant();
        Instant due = request.dueInstant(hours.zone());
        if (due.isBefore(now)) {
            throw new ApiProblem(Problem.badRequest("dueAt", "is in the past (now is " + now + ")"));
        }
        if (due.isAfter(now.plus(FURTHEST))) {
            throw new ApiProblem(Problem.badRequest("dueAt", "is more than a year ahead"));
        }
        if (!hours.isOpen(due)) {
            throw new ApiProblem(Problem.badRequest("dueAt", "is outside the contact centre's hours for callbacks ("
                    + hours.describe() + ")"));
        }
        requireMajority();
        Callback callback = Callback.scheduled(UUID.randomUUID().toString(), request.number(), request.reason(), now, due,
                request.zoneOr(hours.zone()).getId(), priority, null, source);
        return book.add(callback);
    }

    /**
     * A caller waiting in the queue pressed 1 (issue 20 item 1): a callback due at once to the number they call from,
     * requested when they entered the queue, at the priority their call had; no business-hours check (they called
     * while the centre took calls, or were offered it because it was closed).
     */
    public Callback inQueue(String number, Instant enteredAt, int callPriority, String callSid) {
        requireMajority();
        Instant now = clock.instant();
        Instant entered = enteredAt == null || enteredAt.isAfter(now) ? now : enteredAt;
        Callback callback = Callback.scheduled(UUID.nameUUIDFromBytes(("in-queue:" + callSid)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), number, "asked to be called back while waiting",
                entered, now, hours.zone().getId(), callPriority, null, "in-queue:" + callSid);
        book.addIfAbsent(callback);
        return book.find(callback.id()).orElse(callback);
    }

    /** A member cut off from its cluster's majority keeps nothing: 503, as every recovery-state write there. */
    private void requireMajority() {
        if (!servesState.getAsBoolean()) {
            throw new SplitBrainProtectionException("callbacks: this member is in a cluster minority");
        }
    }
}
