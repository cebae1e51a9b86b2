package dev.lifeline.e2e;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.recovery.Incident;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Hazelcast lite member in the test's JVM, joined to the servers' cluster: it holds no data and runs nothing of
 * Lifeline's, it only reads. The servers offer no way to ask which member owns a key (nor should they), and the
 * partition table is where that is written; the incidents are read from the same map the members work on.
 */
final class ClusterObserver implements AutoCloseable {

    private final HazelcastInstance member;
    private final IMap<String, Incident> incidents;

    private ClusterObserver(HazelcastInstance member) {
        this.member = member;
        this.incidents = member.getMap(HazelcastMembers.INCIDENTS);
    }

    /** @param members the servers' member list ({@code 127.0.0.1:<port>}) */
    static ClusterObserver join(String clusterName, int port, List<String> members) {
        Config config = HazelcastMembers.config(new ClusterSettings(clusterName, port, members, 1));
        config.setLiteMember(true);
        config.setInstanceName("e2e-observer-" + port);
        return new ClusterObserver(Hazelcast.newHazelcastInstance(config));
    }

    /** The customer's latest incident (a later drop of the same call opens a newer one). */
    Optional<Incident> latestIncidentOf(String customerCallSid) {
        return incidents.values().stream().filter(incident -> customerCallSid.equals(incident.customerCallSid()))
                .max(Comparator.comparing(incident -> incident.timestamps().values().stream().min(Comparator.naturalOrder())
                        .orElse(java.time.Instant.MIN)));
    }

    Optional<Incident> incident(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    /** Every incident of the call that is not over. */
    List<Incident> openIncidentsOf(String customerCallSid) {
        return incidents.values().stream().filter(incident -> customerCallSid.equals(incident.customerCallSid()))
                .filter(incident -> !incident.isTerminal()).toList();
    }

    /** The member port of the server that owns {@code incidentId}'s partition right now. */
    int ownerPortOf(String incidentId) {
        return member.getPartitionService().getPartition(incidentId).getOwner().getAddress().getPort();
    }

    /** Data members in the cluster (this lite member not counted). */
    int servers() {
        return (int) member.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    }

    @Override
    public void close() {
        member.getLifecycleService().terminate();
    }
}
