package dev.lifeline.server.provision;

import java.util.Map;

/**
 * The TaskRouter and Event Streams objects Lifeline runs on, by SID.
 *
 * @param activities activity friendly name ({@code Available}, {@code Break}, {@code Offline}) → SID
 * @param workers    identity → worker SID (only the workers provisioned or found by identity)
 */
public record ProvisionedWorkspace(
        String workspaceSid,
        String voiceQueueSid,
        String pingQueueSid,
        String voiceWorkflowSid,
        String pingWorkflowSid,
        String sinkSid,
        Map<String, String> activities,
        Map<String, String> workers) {

    public ProvisionedWorkspace {
        activities = Map.copyOf(activities);
        workers = Map.copyOf(workers);
    }

    /** The same workspace with these workers (identity → worker SID). */
    public ProvisionedWorkspace withWorkers(Map<String, String> found) {
        return new ProvisionedWorkspace(workspaceSid, voiceQueueSid, pingQueueSid, voiceWorkflowSid, pingWorkflowSid,
                sinkSid, activities, found);
    }

    public String activitySid(String friendlyName) {
        String sid = activities.get(friendlyName);
        if (sid == null) {
            throw new IllegalStateException("activity '" + friendlyName + "' was not provisioned");
        }
        return sid;
    }
}
