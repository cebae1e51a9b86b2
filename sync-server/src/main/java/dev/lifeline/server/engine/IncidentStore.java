package dev.lifeline.server.engine;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import com.hazelcast.ringbuffer.Ringbuffer;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.cluster.StateIndexes;
import dev.lifeline.server.config.ServerConfig.RecoverySettings;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents in a Hazelcast IMap. Every change is the pure {@link RecoveryStateMachine} applied inside an
 * EntryProcessor on the member that owns the key, so concurrent webhooks on different members serialise per
 * incident without locks. The same processor (same event, same {@code now}) runs on the backup, which keeps
 * the replica identical.
 *
 * <p>A finished incident expires after {@code recovery.retention}; an open one never does. Reads that run
 * periodically or per request query indexed attributes ({@link StateIndexes}) rather than copying the map; the
 * supervisor's list of recent outcomes has its own small ring, so it outlives the incidents it lists.
 */
public final class IncidentStore {

    private static final Logger log = LoggerFactory.getLogger(IncidentStore.class);
    private static final Predicate<String, Incident> OPEN = Predicates.equal(StateIndexes.INCIDENT_TERMINAL, false);
    private static final Predicate<String, Incident> TERMINAL = Predicates.equal(StateIndexes.INCIDENT_TERMINAL, true);
    private static final Predicate<String, Incident> UNFINISHED = Predicates.equal(StateIndexes.INCIDENT_FINISHED, false);

    private final IMap<String, Incident> incidents;
    private final IMap<String, String> customerIndex;
    private final Ringbuffer<Incident> recentOutcomes;
    private final Duration retention;

    public IncidentStore(HazelcastInstance hazelcast) {
        this(hazelcast, RecoverySettings.DEFAULT_INCIDENT_RETENTION);
    }

    /** @param retention how long a finished incident is kept */
    public IncidentStore(HazelcastInstance hazelcast, Duration retention) {
        this.incidents = hazelcast.getMap(HazelcastMembers.INCIDENTS);
        this.customerIndex = hazelcast.getMap(HazelcastMembers.INCIDENTS_BY_CUSTOMER);
        this.recentOutcomes = hazelcast.getRingbuffer(HazelcastMembers.RECENT_OUTCOMES);
        this.retention = retention;
    }

    public AppliedIncident apply(String incidentId, RecoveryEvent event, Instant now, RecoveryPolicy policy) {
        AppliedIncident applied = incidents.executeOnKey(incidentId, new ApplyRecoveryEvent(event, now, policy, retention));
        if (applied.changed() && event instanceof RecoveryEvent.DropDetected drop) {
            customerIndex.set(drop.customerCallSid(), incidentId, customerIndexTtl(policy, retention).toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (applied.phaseChanged() && applied.incident().isTerminal()) {
            recordOutcome(applied.incident());
        }
        return applied;
    }

    private void recordOutcome(Incident finished) {
        try {
            recentOutcomes.add(finished.outcome());
        } catch (RuntimeException e) {
            // Only the supervisor's list misses it; the recovery itself must not fail over a display.
            log.warn("could not record the outcome of incident {} for the supervisor panel: {}", finished.incidentId(),
                    e.toString());
        }
    }

    /**
     * How long a customer → incident entry lives: its incident's watchdog deadline, by which the incident is terminal
     * and a customer's hang-up changes nothing more, plus the incident's retention. It expires by itself, whatever
     * happens to the incident.
     */
    public static Duration customerIndexTtl(RecoveryPolicy policy, Duration retention) {
        return policy.overallDeadline().plus(retention);
    }

    /** The latest incident opened for a customer call, if any (a customer has one open incident at a time). */
    public Optional<String> incidentOfCustomer(String customerCallSid) {
        return Optional.ofNullable(customerCallSid == null ? null : customerIndex.get(customerCallSid));
    }

    public Optional<Incident> get(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    /**
     * This member's incidents that are not finished: open, or terminal with effects still to perform. A finished
     * incident gives the reconciler nothing to do (no watchdog, no pending effect), so it need not be read.
     */
    public Set<String> localUnfinishedIncidentIds() {
        return incidents.localKeySet(UNFINISHED);
    }

    /** A copy of the whole map: for tests and tools, never for a path that runs periodically. */
    public Collection<Incident> all() {
        return new ArrayList<>(incidents.values());
    }

    /** Every recovery in progress, in the whole cluster (a copy: Hazelcast's result deserializes on each pass). */
    public List<Incident> open() {
        return new ArrayList<>(incidents.values(OPEN));
    }

    /**
     * Runs {@code aggregator} over the terminal incidents where they are kept (each member its own partitions), so
     * only its result travels: the supervisor panel's statistics.
     */
    public <R> R aggregateTerminal(Aggregator<Map.Entry<String, Incident>, R> aggregator) {
        return incidents.aggregate(aggregator, TERMINAL);
    }

    /** The agent's incidents that still count on them (not those over, nor STRANDED ones, which released the agent). */
    public List<Incident> openIncidentsOf(String workerSid) {
        if (workerSid == null) {
            return List.of();
        }
        return incidents.values(Predicates.and(OPEN, Predicates.equal(StateIndexes.INCIDENT_WORKER, workerSid))).stream()
                .filter(incident -> incident.phase().holdsAgent())
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /**
     * The incidents that finished most recently, as {@link Incident#outcome() outcomes}, oldest first (in the
     * order they finished, as the members recorded them): kept in a small ring that outlives the incidents.
     */
    public List<Incident> recentlyFinished() {
        long tail = recentOutcomes.tailSequence();
        if (tail < 0) {
            return List.of();
        }
        long head = recentOutcomes.headSequence();
        int count = (int) Math.min(tail - head + 1, recentOutcomes.capacity());
        Map<String, Incident> latest = new LinkedHashMap<>();
        try {
            // A start that has been overwritten meanwhile reads from the oldest item still there.
            for (Incident outcome : recentOutcomes.readManyAsync(head, 0, count, null).toCompletableFuture().join()) {
                latest.remove(outcome.incidentId());
                latest.put(outcome.incidentId(), outcome);
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return List.copyOf(latest.values());
    }

    /** Runs {@link RecoveryStateMachine#apply} on the owning member; stores the result if it changed. */
    static final class ApplyRecoveryEvent implements EntryProcessor<String, Incident, AppliedIncident> {

        private static final long serialVersionUID = 1L;

        private final RecoveryEvent event;
        private final Instant now;
        private final RecoveryPolicy policy;
        private final Duration retention;

        ApplyRecoveryEvent(RecoveryEvent event, Instant now, RecoveryPolicy policy, Duration retention) {
            this.event = event;
            this.now = now;
            this.policy = policy;
            this.retention = retention;
        }

        @Override
        public AppliedIncident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            Transition transition = RecoveryStateMachine.apply(current, event, now, policy);
            boolean changed = transition.changed(current) && transition.next() != null;
            if (changed) {
                Retention.store(entry, transition.next(), transition.next().finished(), retention);
            }
            return new AppliedIncident(transition.next(), current == null ? null : current.phase(), transition.newEffects(), changed);
        }
    }
}
