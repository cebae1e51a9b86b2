package dev.lifeline.server.recovery;

import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;

import java.time.Instant;

import static dev.lifeline.model.incident.Phase.DETECTED;
import static dev.lifeline.model.incident.Phase.PINGING;

/**
 * Opening an incident: announce, hold the lone customer, tag the interrupted task, ping the agent ({@code requeue}) or
 * wait for the agent's desktop to say it is back ({@code rejoin}).
 */
final class Detection {

    private Detection() {
    }

    static Transition open(DropDetected drop, Instant now, RecoveryPolicy policy) {
        Incident.Builder incident = new Incident.Builder();
        incident.incidentId = drop.incidentId();
        incident.interactionId = drop.interactionId();
        incident.attempt = drop.attempt();
        incident.previousIncidentId = drop.previousIncidentId();
        incident.phase = DETECTED;
        incident.conferenceSid = drop.conferenceSid();
        incident.droppedWorker = drop.droppedWorker();
        incident.customerCallSid = drop.customerCallSid();
        incident.remainingParties = drop.remainingParties();
        incident.deadline = now.plus(policy.overallDeadline());
        incident.pingDeadline = now.plus(policy.pingTtl());
        IncidentStep step = new IncidentStep(null, incident, now, policy);
        step.moveTo(DETECTED);

        step.emit(new Effect.AnnounceToConference(step.effectId("announce"), drop.conferenceSid(),
                policy.announcementUrl()));
        boolean alone = drop.remainingParties().size() <= 1;
        if (alone || policy.holdMusicWhenOthersRemain()) {
            for (PartySnapshot party : drop.remainingParties()) {
                // A party the agent had put on hold already hears music; its hold state is kept as is.
                if (!party.hold()) {
                    step.emit(new Effect.StartHoldMusic(step.effectId("hold-music", party.callSid()),
                            drop.conferenceSid(), party.callSid(), policy.holdMusicUrl()));
                }
            }
        }
        step.emit(new Effect.MergeTaskAttributes(step.effectId("tag-original-task"),
                drop.droppedWorker().taskSid(), RecoveryAttributes.originalTaskTag(now)));
        if (policy.rejoins()) {
            // No ping: the agent's desktop says itself when it is back (AgentBack); the TTL runs from now.
            step.moveTo(PINGING);
        } else {
            step.emit(new Effect.CreatePingTask(step.effectId("create-ping-task"), policy.pingWorkflowSid(),
                    RecoveryAttributes.ping(incident, now), policy.pingTtlSeconds(), policy.pingPriority()));
        }
        return step.finish();
    }
}
