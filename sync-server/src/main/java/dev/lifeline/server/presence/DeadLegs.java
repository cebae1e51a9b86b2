package dev.lifeline.server.presence;

import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.twilio.TwilioGatewayException;
import dev.lifeline.server.twilio.VoiceGateway;

/**
 * Ends an agent leg whose softphone is gone — silent past the grace ({@link GhostLegReaper}), or named by the agent's
 * restarted desktop as one its dead predecessor held ({@code leg-abandoned}). The leg is marked as ended for silence
 * first, so its leave is a drop (see {@code conference.DropDetection}) and the recovery starts, and is then completed
 * through the REST API: a leg ended through the API would otherwise read as a redirect and leave the customer alone.
 */
public final class DeadLegs {

    private final RecoveryEngine engine;
    private final VoiceGateway voice;

    public DeadLegs(RecoveryEngine engine, VoiceGateway voice) {
        this.engine = engine;
        this.voice = voice;
    }

    /** Whether {@code leg} is the connected call leg of this worker (not a leg that left, nor one hung up on purpose). */
    public static boolean isConnectedLegOf(Participant leg, String workerSid) {
        return leg.present() && leg.role() == PartyRole.WORKER && !leg.leftGracefully() && leg.worker() != null
                && workerSid.equals(leg.worker().workerSid());
    }

    /**
     * Ends the leg as a drop.
     *
     * @throws TwilioGatewayException when Twilio could not end it (it ended meanwhile: its own leave decides)
     */
    public void end(String conferenceSid, String callSid) {
        engine.endingSilentLeg(conferenceSid, callSid);
        voice.hangUp(callSid);
    }
}
