package dev.lifeline.server.supervisor;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.SupervisorLeg;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.softphone.SoftphoneAccess;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor listening to, whispering into and barging into an agent's live call (Twilio's coaching): the supervisor's
 * softphone is dialled into the conference muted and coaching the agent's leg, then unmuted (a whisper: the agent alone
 * hears it), then made a plain party (a barge). Every change is an outbox effect ({@link Effect.DialSupervisorIn},
 * {@link Effect.CoachParticipant}, {@link Effect.RemoveParticipant}), claimed and checked at Twilio before it acts.
 *
 * <p>The leg carries {@link SupervisorLeg}'s label, so the conference machine knows it for what it is: no party of
 * the call (a recovery never holds, moves or restores it) and it leaves when the last agent does. A supervisor who was
 * listening when the agent dropped expects the recovery, not a silent line to a waiting customer: their leg is taken out
 * and the panel shows the recovery; they listen again once the agent is back.
 */
public final class CallMonitor {

    private static final Logger log = LoggerFactory.getLogger(CallMonitor.class);

    private final RecoveryEngine engine;
    private final SoftphoneAccess softphones;

    public CallMonitor(RecoveryEngine engine, SoftphoneAccess softphones) {
        this.engine = engine;
        this.softphones = softphones;
    }

    /** Dials the supervisor in, muted and coaching the agent; already on the call, back to listening only. */
    public void listen(String supervisor, String conferenceSid) {
        ConferenceRecord call = liveCall(conferenceSid);
        Participant agent = agentLeg(call, "Nobody to listen to: no agent is on this call (a recovery may be under way)");
        Optional<Participant> leg = legOf(call, supervisor);
        if (leg.isPresent()) {
            perform(supervisor, conferenceSid, new Effect.CoachParticipant(effectId(conferenceSid, "listen", supervisor),
                    conferenceSid, leg.get().callSid(), true, true, agent.callSid()));
            return;
        }
        if (softphones.forIdentity(supervisor).isEmpty()) {
            throw new ApiProblem(Problem.conflict("You have no softphone: the server has no SIP account for " + supervisor));
        }
        log.info("{} listens to {} (agent leg {})", supervisor, conferenceSid, agent.callSid());
        perform(supervisor, conferenceSid, new Effect.DialSupervisorIn(effectId(conferenceSid, "listen", supervisor),
                conferenceSid, softphones.addressOf(supervisor), DesktopApi.LISTEN_CALLER, SupervisorLeg.label(supervisor),
                agent.callSid()));
    }

    /** Unmutes the listening supervisor, still coaching: only the agent hears them. */
    public void whisper(String supervisor, String conferenceSid) {
        ConferenceRecord call = liveCall(conferenceSid);
        Participant leg = requireOnCall(call, supervisor);
        Participant agent = agentLeg(call, "Nobody to whisper to: no agent is on this call");
        perform(supervisor, conferenceSid, new Effect.CoachParticipant(effectId(conferenceSid, "whisper", supervisor),
                conferenceSid, leg.callSid(), false, true, agent.callSid()));
    }

    /** Coaching off and unmuted: customer and agent both hear the supervisor. */
    public void barge(String supervisor, String conferenceSid) {
        ConferenceRecord call = liveCall(conferenceSid);
        Participant leg = requireOnCall(call, supervisor);
        perform(supervisor, conferenceSid, new Effect.CoachParticipant(effectId(conferenceSid, "barge", supervisor),
                conferenceSid, leg.callSid(), false, false, null));
    }

    /**
     * Takes the supervisor's leg out, by label, so a leg still ringing (its join not heard of yet) goes too; nothing to do
     * at Twilio when it is not there.
     */
    public void leave(String supervisor, String conferenceSid) {
        ConferenceRecord call = engine.conference(conferenceSid)
                .orElseThrow(() -> new ApiProblem(Problem.notFound("call", conferenceSid)));
        if (!call.ended()) {
            perform(supervisor, conferenceSid, new Effect.RemoveParticipant(effectId(conferenceSid, "leave", supervisor),
                    conferenceSid, SupervisorLeg.label(supervisor)));
        }
    }

    private void perform(String supervisor, String conferenceSid, Effect effect) {
        engine.superviseCall(conferenceSid, supervisor, List.of(effect));
    }

    /** A user's action, not a replayed callback: each request is a decision of its own. */
    private static String effectId(String conferenceSid, String action, String supervisor) {
        return "conference/" + conferenceSid + "/" + action + "/" + supervisor + "/" + UUID.randomUUID();
    }

    private ConferenceRecord liveCall(String conferenceSid) {
        return engine.conference(conferenceSid).filter(record -> !record.ended())
                .orElseThrow(() -> new ApiProblem(Problem.notFound("call", conferenceSid)));
    }

    private static Participant agentLeg(ConferenceRecord call, String whenNone) {
        return call.participants().values().stream()
                .filter(p -> p.present() && p.role() == PartyRole.WORKER && p.worker() != null)
                .findFirst()
                .orElseThrow(() -> new ApiProblem(Problem.conflict(whenNone)));
    }

    private static Optional<Participant> legOf(ConferenceRecord call, String supervisor) {
        String label = SupervisorLeg.label(supervisor);
        return call.participants().values().stream()
                .filter(p -> p.present() && p.role() == PartyRole.SUPERVISOR && label.equals(p.label()))
                .findFirst();
    }

    private static Participant requireOnCall(ConferenceRecord call, String supervisor) {
        return legOf(call, supervisor).orElseThrow(() -> new ApiProblem(Problem.conflict(
                "You are not on this call: listen first (your phone answers the server's call)")));
    }
}
