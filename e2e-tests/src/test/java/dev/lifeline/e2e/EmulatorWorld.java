package dev.lifeline.e2e;

import dev.lifeline.sim.TwilioSim;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the emulator's world state ({@code sim.snapshot()}): who is on which call, in which conference. */
final class EmulatorWorld {

    private final TwilioSim sim;

    EmulatorWorld(TwilioSim sim) {
        this.sim = sim;
    }

    /** A call as the emulator sees it: status, the conference it is in, whether a softphone answered it. */
    record Call(String sid, String to, String status, String conferenceSid) {
    }

    /** A participant of a conference still in progress. */
    record Party(String callSid, String status) {
    }

    Call call(String callSid) {
        return calls().stream().filter(call -> call.sid().equals(callSid)).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no call " + callSid));
    }

    /**
     * The agent's in-progress softphone leg ({@code client:<identity>}) in the same in-progress conference as the
     * customer, if the two are bridged right now.
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
                .filter(call -> ("client:" + identity).equals(call.to()) && "in-progress".equals(call.status())
                        && customer.conferenceSid().equals(call.conferenceSid()) && present.contains(call.sid()))
                .findFirst();
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
                .map(party -> new Party((String) party.get("callSid"), String.valueOf(party.get("status"))))
                .toList();
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
        return (Map<String, Object>) sim.snapshot().get("voice");
    }
}
