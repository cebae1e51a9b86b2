package dev.lifeline.server.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents in a Hazelcast IMap. Every change is the pure {@link RecoveryStateMachine} applied inside an
 * EntryProcessor on the member that owns the key, so concurrent webhooks on different members serialise per
 * incident without locks. The same processor (same event, same {@code now}) runs on the backup, which keeps
 * the replica identical.
 */
public final class IncidentStore {

    private final IMap<String, Incident> incidents;
    private final IMap<String, String> customerIndex;

    public IncidentStore(HazelcastInstance hazelcast) {
        this.incidents = hazelcast.getMap(HazelcastMembers.INCIDENTS);
        this.customerIndex = hazelcast.getMap(HazelcastMembers.INCIDENTS_BY_CUSTOMER);
    }

    public AppliedIncident apply(String incidentId, RecoveryEvent event, Instant now, RecoveryPolicy policy) {
        AppliedIncident applied = incidents.executeOnKey(incidentId, new ApplyRecoveryEvent(event, now, policy));
        if (applied.changed() && event instanceof RecoveryEvent.DropDetected drop) {
            customerIndex.set(drop.customerCallSid(), incidentId);
        }
        return applied;
    }

    /** The latest incident opened for a customer call, if any (a customer has one open incident at a time). */
    public Optional<String> incidentOfCustomer(String customerCallSid) {
        return Optional.ofNullable(customerCallSid == null ? null : customerIndex.get(customerCallSid));
    }

    public Optional<Incident> get(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    /** Keys whose primary copy lives on this member: the reconciler's share of the work. */
    public Set<String> localIncidentIds() {
        return incidents.localKeySet();
    }

    public Collection<Incident> all() {
        return new ArrayList<>(incidents.values());
    }

    /** The agent's incidents that still count on them (not those over, nor STRANDED ones, which released the agent). */
    public List<Incident> openIncidentsOf(String workerSid) {
        List<Incident> open = new ArrayList<>();
        for (Incident incident : incidents.values()) {
            if (incident.phase().holdsAgent() && incident.droppedWorker().workerSid().equals(workerSid)) {
                open.add(incident);
            }
        }
        return open;
    }

    /** Runs {@link RecoveryStateMachine#apply} on the owning member; stores the result if it changed. */
    static final class ApplyRecoveryEvent implements EntryProcessor<String, Incident, AppliedIncident> {

        private static final long serialVersionUID = 1L;

        private final RecoveryEvent event;
        private final Instant now;
        private final RecoveryPolicy policy;

        ApplyRecoveryEvent(RecoveryEvent event, Instant now, RecoveryPolicy policy) {
            this.event = event;
            this.now = now;
            this.policy = policy;
        }

        @Override
        public AppliedIncident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            Transition transition = RecoveryStateMachine.apply(current, event, now, policy);
            boolean changed = transition.changed(current) && transition.next() != null;
            if (changed) {
                entry.setValue(transition.next());
            }
            return new AppliedIncident(transition.next(), current == null ? null : current.phase(), transition.newEffects(), changed);
        }
    }
}
