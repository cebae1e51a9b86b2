package dev.lifeline.server.callcontrol;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.OutboundTaskAttributes;
import java.util.Optional;

/**
 * The caller's own live call: the conference as the engine knows it and the caller's leg in it. Somebody else's
 * conference answers exactly as one that does not exist (404), as every desktop command does: a 403 would tell an
 * agent which conferences are live.
 */
record AgentCall(ConferenceRecord conference, Participant myLeg) {

    static AgentCall of(RecoveryEngine engine, String workerSid, String conferenceSid) {
        ConferenceRecord record = engine.conference(conferenceSid)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("conference", conferenceSid)));
        Participant leg = record.participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER && p.present() && p.worker() != null
                        && workerSid.equals(p.worker().workerSid()))
                .findFirst()
                .orElseThrow(() -> new ApiProblem(Problem.notFound("conference", conferenceSid)));
        return new AgentCall(record, leg);
    }

    String conferenceSid() {
        return conference.conferenceSid();
    }

    TaskAttributes taskAttributes() {
        return myLeg.worker().taskAttributes();
    }

    /** The customer, present: a call whose customer is gone has nobody left to add to or transfer. */
    String presentCustomer() {
        return Optional.ofNullable(conference.customerCallSid()).filter(sid -> conference.customerPresent())
                .orElseThrow(() -> new ApiProblem(Problem.conflict("The customer is no longer on the call")));
    }

    /**
     * The contact centre's number on this call, which a third party sees calling: the number the customer called (an
     * inbound task's {@code to}), or the caller ID an outbound call was placed with (its {@code from}).
     */
    String contactCentreNumber() {
        TaskAttributes attributes = taskAttributes();
        String key = OutboundTaskAttributes.isOutbound(attributes) ? "from" : "to";
        return attributes.string(key).filter(n -> n.startsWith("+")).orElse(null);
    }
}
