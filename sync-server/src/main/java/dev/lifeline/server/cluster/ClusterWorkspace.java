package dev.lifeline.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import java.util.function.Supplier;

/**
 * Every member of one cluster must work on the same TaskRouter workspace in the same Twilio (or emulator): any member
 * may have to act on any call, and a member whose Twilio has never heard of a call answers the recovery with 404s
 * while the customer waits (issue 21 item 4). In sim mode each member that embeds its own emulator provisions a
 * workspace of its own with a fresh random SID, so two of them in one cluster are told apart here and the later one
 * refuses to start.
 */
public final class ClusterWorkspace {

    /** Small and never written again while the cluster lives; replicated like every other map. */
    public static final String MAP = "cluster-workspace";
    private static final String KEY = "workspaceSid";
    private static final String PROVISIONING = "provisioning";

    private ClusterWorkspace() {
    }

    /**
     * Provisions (find-or-create) one member at a time, so that members starting together against one shared emulator
     * find the workspace the first created instead of each creating one, then records the workspace as the cluster's
     * or checks it against the one already recorded.
     *
     * @throws ConfigException (one line) when the cluster already works on another workspace
     */
    public static ProvisionedWorkspace provision(HazelcastInstance hazelcast, boolean simulated,
                                                 Supplier<ProvisionedWorkspace> findOrCreate) {
        IMap<String, String> map = hazelcast.getMap(MAP);
        ProvisionedWorkspace workspace;
        String clusterWorkspace;
        map.lock(PROVISIONING);
        try {
            workspace = findOrCreate.get();
            clusterWorkspace = map.putIfAbsent(KEY, workspace.workspaceSid());
        } finally {
            map.unlock(PROVISIONING);
        }
        if (clusterWorkspace != null && !clusterWorkspace.equals(workspace.workspaceSid())) {
            throw refused(hazelcast, workspace.workspaceSid(), clusterWorkspace, simulated);
        }
        return workspace;
    }

    private static ConfigException refused(HazelcastInstance hazelcast, String workspaceSid, String clusterWorkspace,
                                           boolean simulated) {
        String cluster = hazelcast.getConfig().getClusterName();
        return new ConfigException(simulated
                ? "cluster " + cluster + ": this member's emulator is not the one its other members use (workspace "
                + workspaceSid + ", the cluster's is " + clusterWorkspace + "); sim-mode members of one cluster must share "
                + "one emulator: set twilio.base-url (TWILIO_BASE_URL) on every member to a stand-alone twilio-sim"
                : "cluster " + cluster + ": this member works on workspace " + workspaceSid + " but the cluster's members "
                + "work on " + clusterWorkspace + "; give every member the same twilio.workspace-sid and account");
    }
}
