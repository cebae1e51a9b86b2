package dev.lifeline.e2e;

import dev.lifeline.sim.TwilioSim;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the emulator's world state ({@code sim.snapshot()} in this JVM, or a stand-alone emulator's {@code /sim/state}):
 * who is on which call, in which conference, and in the server's TaskRouter workspace which activity each worker is in
 * and every reservation TaskRouter ever made.
 */
final class EmulatorWorld {

    private final Supplier<Map<String, Object>> snapshot;
    private final String workspaceSid;

    EmulatorWorld(TwilioSim sim, String workspaceSid) {
        this(sim::snapshot, workspaceSid);
    }

    /** @param snapshot the emulator's world as {@code /sim/state} gives it */
    EmulatorWorld(Supplier<Map<String, Object>> snapshot, String workspaceSid) {
        this.snapshot = snapshot;
        this.workspaceSid = workspaceSid;
    }

    /** A TaskRouter reservation: pending, accepted, rejected, timeout, canceled, rescinded, wrapping or completed. */
    record Reservation(String sid, String taskSid, String workerSid, String status) {
    }

    /** A call as the emulator sees it: status, the conference it is in, whether a softphone answered it. */
    record Call(String sid, String to, String status, String conferenceSid) {
    }

    /** A participant of a conference still in progress: connected or not, its label, whether it hears hold music. */
    record Party(String callSid, String status, String label, boolean hold) {
    }

    Call call(String callSid) {
        return calls().stream().filter(call -> call.sid().equals(callSid)).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no call " + callSid));
    }

    /**
     * The agent's in-progress softphone leg (to {@code sip:<identity>@<domain>}: the worker's {@code contact_uri} is
     * the SIP address its desktop registered) in the same in-progress conference as the customer, if the two are
     * bridged right now.
     */
    Optional<Call> agentLegBridgedWith(String customerCallSid, String identity) {
        Call customer = call(customerCallSid);
        if (!"in-progress".equals(customer.status()) || customer.conferenceSid() == null) {
            return Optional.empty();
        }
        List<String> present = parties(customer.conferenceSid()).stream()
                .filter(party -> "connected".equals(party.status())).map(Party::callSid).toList();
        if (!present.contains(customerCallSid)) {
            return Optional.empty();
        }
        return calls().stream()
                .filter(call -> call.to() != null && call.to().startsWith("sip:" + identity + "@")
                        && "in-progress".equals(call.status())
                        && customer.conferenceSid().equals(call.conferenceSid()) && present.contains(call.sid()))
                .findFirst();
    }

    /** The connected party labelled {@code label} (a number the agent added is labelled with it) of the conference. */
    Optional<Party> partyLabelled(String conferenceSid, String label) {
        return parties(conferenceSid).stream()
                .filter(party -> label.equals(party.label()) && "connected".equals(party.status())).findFirst();
    }

    /** The conference's friendly name (TaskRouter's conference instruction names it after the task). */
    @SuppressWarnings("unchecked")
    String conferenceName(String conferenceSid) {
        return ((List<Map<String, Object>>) voice().get("conferences")).stream()
                .filter(conference -> conferenceSid.equals(conference.get("sid")))
                .map(conference -> (String) conference.get("friendlyName")).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no conference " + conferenceSid));
    }

    @SuppressWarnings("unchecked")
    List<Party> parties(String conferenceSid) {
        List<Map<String, Object>> conferences = (List<Map<String, Object>>) voice().get("conferences");
        return conferences.stream().filter(conference -> conferenceSid.equals(conference.get("sid")))
                .filter(conference -> !"completed".equals(conference.get("status")))
                .flatMap(conference -> ((List<Map<String, Object>>) conference.get("participants")).stream())
                .map(party -> new Party((String) party.get("callSid"), String.valueOf(party.get("status")),
                        (String) party.get("label"), Boolean.TRUE.equals(party.get("hold"))))
                .toList();
    }

    /** Every reservation TaskRouter made for the worker, finished ones included. */
    @SuppressWarnings("unchecked")
    List<Reservation> reservationsOf(String workerSid) {
        return ((List<Map<String, Object>>) workspace().get("reservations")).stream()
                .filter(reservation -> workerSid.equals(reservation.get("worker_sid")))
                .map(reservation -> new Reservation((String) reservation.get("sid"), (String) reservation.get("task_sid"),
                        workerSid, (String) reservation.get("status")))
                .toList();
    }

    /** The worker's activity ("Available", "Offline", …). */
    @SuppressWarnings("unchecked")
    String activityOf(String workerSid) {
        return ((List<Map<String, Object>>) workspace().get("workers")).stream()
                .filter(worker -> workerSid.equals(worker.get("sid")))
                .map(worker -> (String) worker.get("activity")).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no worker " + workerSid));
    }

    /** A transfer task of the customer's (Lifeline's {@code lifelineTransfer} block) targeting the worker, still open. */
    @SuppressWarnings("unchecked")
    Optional<String> transferOfferTo(String customerCallSid, String workerSid) {
        return ((List<Map<String, Object>>) workspace().get("tasks")).stream()
                .filter(task -> List.of("pending", "reserved").contains(task.get("status")))
                .filter(task -> {
                    Map<String, Object> attributes = (Map<String, Object>) task.get("attributes");
                    return customerCallSid.equals(attributes.get("call_sid")) && attributes.containsKey("lifelineTransfer")
                            && workerSid.equals(attributes.get("targetWorkerSid"));
                })
                .map(task -> (String) task.get("sid")).findFirst();
    }

    /** The task the customer's requeue created: {@code isReconnect} without a target agent. */
    @SuppressWarnings("unchecked")
    Optional<String> requeuedTaskOf(String customerCallSid) {
        return ((List<Map<String, Object>>) workspace().get("tasks")).stream()
                .filter(task -> {
                    Map<String, Object> attributes = (Map<String, Object>) task.get("attributes");
                    return customerCallSid.equals(attributes.get("call_sid"))
                            && Boolean.TRUE.equals(attributes.get("isReconnect")) && !attributes.containsKey("targetWorkerSid");
                })
                .map(task -> (String) task.get("sid")).reduce((earlier, later) -> later);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> workspace() {
        Map<String, Object> taskRouter = (Map<String, Object>) snapshot.get().get("taskRouter");
        return ((List<Map<String, Object>>) taskRouter.get("workspaces")).stream()
                .filter(workspace -> workspaceSid.equals(workspace.get("sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no workspace " + workspaceSid));
    }

    @SuppressWarnings("unchecked")
    private List<Call> calls() {
        return ((List<Map<String, Object>>) voice().get("calls")).stream()
                .map(call -> new Call((String) call.get("sid"), (String) call.get("to"), (String) call.get("status"),
                        (String) call.get("conferenceSid")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> voice() {
        return (Map<String, Object>) snapshot.get().get("voice");
    }
}
