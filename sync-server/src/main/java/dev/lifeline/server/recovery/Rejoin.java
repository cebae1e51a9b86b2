package dev.lifeline.server.recovery;

import dev.lifeline.server.recovery.RecoveryEvent.AgentBack;
import dev.lifeline.server.recovery.RecoveryEvent.AgentRejoined;

import static dev.lifeline.model.incident.Phase.DETECTED;
import static dev.lifeline.model.incident.Phase.PINGING;
import static dev.lifeline.model.incident.Phase.RECONNECTED;
import static dev.lifeline.model.incident.Phase.REJOINING;

/**
 * The {@code rejoin} strategy's steps: the agent's desktop is back, so the server dials the agent into the conference
 * the customer never left, and once the agent's leg is there takes the others off hold. The original task and
 * reservation stay the agent's (nothing is completed or requeued); every side exit is the shared one ({@link Cleanup}).
 */
final class Rejoin {

    /** The outcome of an announcement withdrawn because the agent was back on the call before it played. */
    static final String ANNOUNCEMENT_WITHDRAWN = "withdrawn: the agent was back before it played";

    private Rejoin() {
    }

    /**
     * The dropped agent's desktop is back: the phase change is told first and the dial follows it in the incident's
     * lane, because the desktop answers by itself only a call it was told of.
     */
    static void agentBack(IncidentStep step, AgentBack back) {
        Incident.Builder incident = step.incident;
        boolean waiting = step.phase() == DETECTED || step.phase() == PINGING;
        if (!step.policy.rejoins() || !waiting || !incident.droppedWorker.workerSid().equals(back.workerSid())) {
            return;
        }
        step.moveTo(REJOINING);
        step.notifyDroppedAgentNow();
        step.emit(new Effect.DialAgentIntoConference(step.effectId("rejoin-agent"), incident.conferenceSid,
                back.address(), back.from(), back.label()));
    }

    /** The agent's leg is in the conference: the music the recovery started stops, the task records the interruption. */
    static void agentRejoined(IncidentStep step, AgentRejoined rejoined) {
        Incident.Builder incident = step.incident;
        if (step.phase() != REJOINING) {
            return;
        }
        // The leg that joined is the dial's outcome, whether or not its performer lived to record it: a dial still
        // pending would otherwise be performed again by a reconciler, after the leg may have left (a second drop).
        step.settle(step.effectId("rejoin-agent"), OutboxEntry.State.DONE, rejoined.callSid());
        // An announcement not played yet (its performer died holding the claim, which stands a while for Twilio's
        // announcement-end) would tell the customer of an interruption that is over: withdrawn, never played late.
        step.settle(step.effectId("announce"), OutboxEntry.State.DONE, ANNOUNCEMENT_WITHDRAWN);
        for (PartySnapshot party : incident.remainingParties) {
            // A party the agent had put on hold before the drop was never held by us and stays on hold.
            if (step.alreadyAskedFor(step.effectId("hold-music", party.callSid()))) {
                step.emit(new Effect.StopHoldMusic(step.effectId("stop-hold-music", party.callSid()),
                        incident.conferenceSid, party.callSid()));
            }
        }
        step.emit(new Effect.MergeTaskAttributes(step.effectId("tag-rejoined"), incident.droppedWorker.taskSid(),
                RecoveryAttributes.rejoinedPatch(incident, step.now)));
        incident.reconnectWorkerSid = incident.droppedWorker.workerSid();
        step.moveTo(RECONNECTED);
    }

    /** Twilio would not dial the agent (no registration, say) or the conference is gone. */
    static void dialFailed(IncidentStep step, boolean conferenceGone) {
        if (step.phase() != REJOINING) {
            return;
        }
        if (conferenceGone) {
            Cleanup.customerLeft(step);
        } else {
            Cleanup.requeue(step);
        }
    }
}
