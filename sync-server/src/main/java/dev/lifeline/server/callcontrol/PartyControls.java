package dev.lifeline.server.callcontrol;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding a phone number to the agent's call and taking a party off it. Each is claimed first (two clicks, or the same
 * request on two servers, dial once) and checks Twilio's participant list before it acts: a number already on the call
 * is not dialled again, a party already gone is not hung up again.
 */
public final class PartyControls {

    private static final Logger log = LoggerFactory.getLogger(PartyControls.class);

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final EffectLeases claims;
    private final String conferenceCallbackUrl;

    public PartyControls(VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryEngine engine, EffectLeases claims,
                         String conferenceCallbackUrl) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.claims = claims;
        this.conferenceCallbackUrl = conferenceCallbackUrl;
    }

    /**
     * Dials {@code to} into the caller's call, labelled with the number, never ending the conference by leaving (a
     * third party must not end the customer's call). @return the new leg's call SID
     */
    public String addNumber(String workerSid, String conferenceSid, String to) {
        AgentCall call = AgentCall.of(engine, workerSid, conferenceSid);
        call.presentCustomer();
        String claim = "call-control/" + conferenceSid + "/add/" + to;
        if (!claims.tryClaim(claim)) {
            throw new ApiProblem(Problem.conflict(to + " is being added already"));
        }
        try {
            boolean alreadyThere = voice.participants(conferenceSid).stream().map(ParticipantState::label).anyMatch(to::equals);
            if (alreadyThere) {
                throw new ApiProblem(Problem.conflict(to + " is on the call already"));
            }
            String leg = voice.dialIntoConference(conferenceSid, to, call.contactCentreNumber(),
                    new ConferenceJoin(to, false, true, false, conferenceCallbackUrl, ConferenceJoin.STATUS_EVENTS));
            log.info("{} adds a party to {}", workerSid, conferenceSid);
            return leg;
        } finally {
            claims.release(claim);
        }
    }

    /**
     * Hangs up another party's leg. Not the caller's own (that is Hang up) and not the customer's (the customer leaving
     * ends the call: also Hang up). Another agent's leg is marked as leaving on purpose first, so it is no drop, and
     * that agent's task goes to wrap-up (the server accepted it without an instruction, so TaskRouter will not).
     */
    public void remove(String workerSid, String conferenceSid, String callSid) {
        AgentCall call = AgentCall.of(engine, workerSid, conferenceSid);
        Participant party = call.conference().participant(callSid).filter(Participant::present)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("participant", callSid)));
        if (party.callSid().equals(call.myLeg().callSid())) {
            throw new ApiProblem(Problem.conflict("That is you: use Hang up to leave the call"));
        }
        if (party.role() == PartyRole.CUSTOMER) {
            throw new ApiProblem(Problem.conflict("The customer cannot be removed: use Hang up to end the call"));
        }
        if (voice.participant(conferenceSid, callSid).isEmpty()) {
            return; // gone already (Twilio's word is newer than the engine's)
        }
        if (party.role() == PartyRole.WORKER) {
            engine.gracefulExit(conferenceSid, callSid, GracefulExit.HANG_UP);
        }
        voice.hangUp(callSid);
        if (party.worker() != null) {
            taskRouter.wrapUpTask(party.worker().taskSid(), "removed from the call by another agent");
        }
        log.info("{} removed {} from {}", workerSid, callSid, conferenceSid);
    }
}
