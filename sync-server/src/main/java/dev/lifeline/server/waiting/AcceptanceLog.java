package dev.lifeline.server.waiting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What queued callers went through, as this member saw it in the TaskRouter events of the voice workflow, per skill
 * ({@code ""} for callers without one): when agents accepted them ({@code reservation.accepted}; what
 * {@link WaitEstimator} reads), how long they had waited since {@code task.created}, and who left before being
 * accepted ({@code task.canceled}): the Prometheus figures {@code lifeline_queue_*}. Reconnects (a target worker) and
 * agents' outbound calls are not queue service and are left out. A reservation is counted once however often Event
 * Streams delivers it. Kept in memory: each member sees the events delivered to it, so in a cluster behind a load
 * balancer a member's figures are its share (documented in the README).
 */
public final class AcceptanceLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMEMBERED = 10_000;

    private final Supplier<String> voiceWorkflowSid;
    private final Clock clock;
    private final LifelineMetrics metrics;
    private final Map<String, Deque<Instant>> bySkill = new HashMap<>();
    private final Set<String> seenReservations = new LinkedHashSet<>();
    /** Tasks created and not yet accepted or ended → when they were created. */
    private final Map<String, Instant> waiting = new LinkedHashMap<>();

    public AcceptanceLog(Supplier<String> voiceWorkflowSid, Clock clock, LifelineMetrics metrics) {
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Reads one event; anything but a voice caller's task being created, accepted or canceled is ignored. */
    public void onTaskRouterEvent(TaskRouterEvent event) {
        String type = event.eventType();
        if (!("reservation.accepted".equals(type) || "task.created".equals(type) || "task.canceled".equals(type))
                || event.taskSid() == null || !Objects.equals(voiceWorkflowSid.get(), event.workflowSid())) {
            return;
        }
        JsonNode attributes = attributes(event.taskAttributes());
        if (attributes.hasNonNull("targetWorkerSid") || "outbound".equals(attributes.path("direction").asText())) {
            return;
        }
        String skill = attributes.path("skill").asText("");
        Instant now = clock.instant();
        switch (type) {
            case "task.created" -> created(event.taskSid(), now);
            case "task.canceled" -> canceled(event.taskSid(), skill);
            default -> {
                if (event.reservationSid() != null) {
                    accepted(skill, event.taskSid(), event.reservationSid(), now);
                }
            }
        }
    }

    private synchronized void created(String taskSid, Instant at) {
        waiting.putIfAbsent(taskSid, at);
        if (waiting.size() > REMEMBERED) {
            waiting.remove(waiting.keySet().iterator().next());
        }
    }

    private void canceled(String taskSid, String skill) {
        boolean abandoned;
        synchronized (this) {
            abandoned = waiting.remove(taskSid) != null;
        }
        if (abandoned) {
            metrics.queueAbandoned(skill);
        }
    }

    void accepted(String skill, String taskSid, String reservationSid, Instant at) {
        Instant createdAt;
        Duration estimate;
        synchronized (this) {
            if (!seenReservations.add(reservationSid)) {
                return;
            }
            if (seenReservations.size() > REMEMBERED) {
                seenReservations.remove(seenReservations.iterator().next());
            }
            createdAt = waiting.remove(taskSid);
            Deque<Instant> times = bySkill.computeIfAbsent(skill, s -> new ArrayDeque<>());
            times.addLast(at);
            while (times.size() > WaitEstimator.SAMPLES) {
                times.removeFirst();
            }
            estimate = WaitEstimator.estimate(List.copyOf(times), 1, at).orElse(null);
        }
        if (createdAt != null) {
            metrics.queueAnswered(skill, Duration.between(createdAt, at));
        }
        if (estimate != null) {
            metrics.queueEstimatedWait(skill, estimate);
        }
    }

    /** @return the recent acceptance times of callers with {@code skill} ({@code ""}: without one), oldest first */
    public synchronized List<Instant> of(String skill) {
        Deque<Instant> times = bySkill.get(skill == null ? "" : skill);
        return times == null ? List.of() : List.copyOf(times);
    }

    /** A task's attributes; unreadable or absent ones read as none. */
    static JsonNode attributes(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
