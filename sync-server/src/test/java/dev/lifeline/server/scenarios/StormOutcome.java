package dev.lifeline.server.scenarios;

import dev.lifeline.server.recovery.Incident;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final state of one interaction, as Twilio (the emulator) and the engine see it — everything an undisturbed
 * run and a storm must agree on, and nothing that legitimately differs between runs (SIDs, times).
 *
 * @param phases           the phase of every incident opened for the customer, oldest attempt first
 * @param pingTasks        Recovery Ping tasks created for the customer's interaction
 * @param reconnectTasks   reconnect tasks ({@code isReconnect}) created for the customer
 * @param customerStatus   the customer's call status ({@code in-progress}, {@code completed})
 * @param customerActivity what the customer's call is doing ({@code in_conference}, {@code queued}, {@code ended})
 * @param customerEffects  each Twilio side effect performed on the customer's call, counted by the emulator
 * @param liveAgentLegs    the agent's calls still in progress (two would be a double reconnect)
 * @param withAgent        the customer and a live leg of the agent share a conference
 */
public record StormOutcome(StormScenario scenario, List<String> phases, int pingTasks, int reconnectTasks,
                           String customerStatus, String customerActivity, Map<String, Integer> customerEffects,
                           int liveAgentLegs, boolean withAgent) {

    /** An interaction that should have been recovered was not. */
    public boolean lostRecovery() {
        return scenario == StormScenario.RECOVERED && !phases.contains("RESTORED");
    }

    /** Something of a recovery happened twice: two incidents, pings, reconnects or agent legs. */
    public boolean doubleRecovery() {
        return phases.size() > 1 || pingTasks > 1 || reconnectTasks > 1 || liveAgentLegs > 1;
    }

    /** An incident for an interaction whose agent never dropped. */
    public boolean spuriousIncident() {
        return scenario == StormScenario.GRACEFUL_HANG_UP && !phases.isEmpty();
    }

    /** Reads every interaction's outcome from one snapshot of the emulator and the incidents map. */
    @SuppressWarnings("unchecked")
    static List<StormOutcome> read(RecoveryHarness harness, List<StormInteraction> interactions) {
        Map<String, Object> world = harness.sim.snapshot();
        Map<String, Object> voice = (Map<String, Object>) world.get("voice");
        List<Map<String, Object>> calls = (List<Map<String, Object>>) voice.get("calls");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Map<String, Object> workspace : (List<Map<String, Object>>) ((Map<String, Object>) world.get("taskRouter")).get("workspaces")) {
            tasks.addAll((List<Map<String, Object>>) workspace.get("tasks"));
        }
        Collection<Incident> incidents = harness.cluster.liveEngine().incidents().all();
        String pingWorkflow = harness.workspace.pingWorkflowSid();
        List<StormOutcome> outcomes = new ArrayList<>();
        for (StormInteraction interaction : interactions) {
            String customer = interaction.customer();
            if (customer == null) {
                outcomes.add(new StormOutcome(interaction.scenario(), List.of(), 0, 0, "never called", null, Map.of(), 0, false));
                continue;
            }
            Map<String, Object> call = calls.stream().filter(c -> customer.equals(c.get("sid"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the emulator lost call " + customer));
            List<Map<String, Object>> agentLegs = calls.stream()
                    .filter(c -> TestSoftphone.addressOf(interaction.identity()).equals(c.get("to")) && "in-progress".equals(c.get("status")))
                    .toList();
            List<Map<String, Object>> customerTasks = tasks.stream()
                    .filter(t -> customer.equals(((Map<String, Object>) t.get("attributes")).get("call_sid"))).toList();
            Object conference = call.get("conferenceSid");
            outcomes.add(new StormOutcome(interaction.scenario(),
                    incidents.stream().filter(i -> customer.equals(i.customerCallSid()))
                            .sorted(Comparator.comparingInt(Incident::attempt)).map(i -> i.phase().name()).toList(),
                    (int) customerTasks.stream().filter(t -> pingWorkflow.equals(t.get("workflow_sid"))).count(),
                    (int) customerTasks.stream().filter(t -> Boolean.TRUE.equals(((Map<String, Object>) t.get("attributes")).get("isReconnect"))).count(),
                    (String) call.get("status"), (String) call.get("activity"),
                    new TreeMap<>((Map<String, Integer>) call.get("effects")),
                    agentLegs.size(),
                    conference != null && agentLegs.stream().anyMatch(leg -> conference.equals(leg.get("conferenceSid")))));
        }
        return outcomes;
    }
}
