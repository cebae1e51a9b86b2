package dev.lifeline.server.scenarios;

import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.sim.TwilioSim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Twilio (the emulator) holds right now, read from its world state: calls, conferences and their
 * participants, TaskRouter tasks. The scenarios assert on it; nothing here changes the world.
 */
final class EmulatorWorld {

    private final TwilioSim sim;
    private final ProvisionedWorkspace workspace;

    EmulatorWorld(TwilioSim sim, ProvisionedWorkspace workspace) {
        this.sim = sim;
        this.workspace = workspace;
    }

    /** The SID of the in-progress conference the call is in. */
    @SuppressWarnings("unchecked")
    Optional<String> conferenceOf(String callSid) {
        for (Map<String, Object> conference : conferences()) {
            List<Map<String, Object>> participants = (List<Map<String, Object>>) conference.get("participants");
            if (!"completed".equals(conference.get("status"))
                    && participants.stream().anyMatch(p -> callSid.equals(p.get("callSid")))) {
                return Optional.of((String) conference.get("sid"));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conferences() {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        return (List<Map<String, Object>>) voice.get("conferences");
    }

    /** The participant resource of the call in the conference (label, hold, muted, …); empty when it is not there. */
    @SuppressWarnings("unchecked")
    Map<String, Object> participant(String conferenceSid, String callSid) {
        return conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("participants")).stream())
                .filter(p -> callSid.equals(p.get("callSid"))).findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String callSid) {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        return ((List<Map<String, Object>>) voice.get("calls")).stream()
                .filter(c -> callSid.equals(c.get("sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + callSid));
    }

    String callActivity(String callSid) {
        return (String) call(callSid).get("activity");
    }

    String conferenceStatus(String conferenceSid) {
        return conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .map(c -> (String) c.get("status")).findFirst().orElse(null);
    }

    /** How many announcements the emulator played into the conference. */
    int announcementsIn(String conferenceSid) {
        return conferences().stream().filter(c -> conferenceSid.equals(c.get("sid")))
                .map(c -> c.get("announcements")).map(a -> a instanceof List<?> list ? list.size() : ((Number) a).intValue())
                .findFirst().orElse(0);
    }

    /** The newest reconnect task ({@code isReconnect}) created for this customer call. */
    Map<String, Object> reconnectTaskOf(String callSid) {
        List<Map<String, Object>> reconnects = reconnectTasksOf(callSid);
        if (reconnects.isEmpty()) {
            throw new AssertionError("no reconnect task for call " + callSid + " in " + tasks());
        }
        return reconnects.get(reconnects.size() - 1);
    }

    /** Every reconnect task ({@code isReconnect}) created for this customer call, oldest first. */
    List<Map<String, Object>> reconnectTasksOf(String callSid) {
        return tasks().stream().filter(task -> callSid.equals(attributes(task).get("call_sid"))
                && Boolean.TRUE.equals(attributes(task).get("isReconnect"))).toList();
    }

    /** The Recovery Ping tasks created for one incident (workflow = the ping workflow, marker attribute). */
    List<Map<String, Object>> pingTasksOf(String incidentId) {
        return tasks().stream()
                .filter(task -> workspace.pingWorkflowSid().equals(task.get("workflow_sid")))
                .filter(task -> incidentId.equals(attributes(task).get("lifelineIncident")))
                .toList();
    }

    /** Every task TaskRouter holds for this call (its {@code call_sid} attribute), any status. */
    List<Map<String, Object>> tasksOfCall(String callSid) {
        return tasks().stream().filter(task -> callSid.equals(attributes(task).get("call_sid"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> task) {
        return (Map<String, Object>) task.get("attributes");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks() {
        Map<String, Object> taskRouter = (Map<String, Object>) sim.snapshot().get("taskRouter");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Map<String, Object> each : (List<Map<String, Object>>) taskRouter.get("workspaces")) {
            tasks.addAll((List<Map<String, Object>>) each.get("tasks"));
        }
        return tasks;
    }
}
