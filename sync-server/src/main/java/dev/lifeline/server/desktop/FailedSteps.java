package dev.lifeline.server.desktop;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What went wrong in a recovery, in the supervisor's words: the steps Twilio refused for good (or found nothing to act
 * on), from the incident's outbox. Plain sentences, never a SID or Twilio's own message (those are in the server log).
 */
final class FailedSteps {

    private FailedSteps() {
    }

    /** The supervisor panel's alert for the incident, or null when every step so far went through. */
    static String alert(Incident incident) {
        List<String> failed = sentences(incident, incident.phase() == Phase.STRANDED);
        if (incident.phase() == Phase.STRANDED) {
            return "The customer is on the line in no queue: Twilio refused to queue them. Lifeline keeps trying and has"
                    + " asked them to stay on the line; take the call over and cancel the recovery if it goes on."
                    + (failed.isEmpty() ? "" : " Also not done: " + String.join("; ", failed) + ".");
        }
        return failed.isEmpty() ? null : "Not done: " + String.join("; ", failed) + ".";
    }

    /**
     * @param queueingSaidElsewhere leave out the failed attempts to queue the customer (the phase or the outcome already
     *                              says the customer was stranded)
     */
    static List<String> sentences(Incident incident, boolean queueingSaidElsewhere) {
        Set<String> sentences = new LinkedHashSet<>();
        for (OutboxEntry entry : incident.outbox()) {
            boolean queueing = entry.effect() instanceof Effect.RedirectCustomerToEnqueue
                    || entry.effect() instanceof Effect.RescueCustomer;
            if (entry.state() == OutboxEntry.State.FAILED && !(queueing && queueingSaidElsewhere)) {
                sentences.add(sentence(entry.effect()));
            }
        }
        return List.copyOf(sentences);
    }

    private static String sentence(Effect effect) {
        if (effect instanceof Effect.AnnounceToConference announce) {
            return announce.effectId().endsWith("/stay-on-the-line") ? "the customer could not be told to stay on the line"
                    : "the announcement could not be played";
        } else if (effect instanceof Effect.StartHoldMusic) {
            return "hold music could not be started";
        } else if (effect instanceof Effect.CreatePingTask) {
            return "the agent's desktop could not be pinged";
        } else if (effect instanceof Effect.MergeTaskAttributes) {
            return "the interrupted task could not be marked";
        } else if (effect instanceof Effect.CompleteTask) {
            return "the answered recovery ping could not be closed";
        } else if (effect instanceof Effect.CancelTask) {
            return "a recovery task could not be withdrawn";
        } else if (effect instanceof Effect.RedirectCustomerToEnqueue || effect instanceof Effect.RescueCustomer) {
            return "the customer could not be put in a queue";
        } else if (effect instanceof Effect.CompleteReservation) {
            return "the agent's interrupted task could not be finished (the agent may have to complete it)";
        } else if (effect instanceof Effect.MoveParty) {
            return "a party on the call could not be brought back";
        } else if (effect instanceof Effect.EndConference) {
            return "the abandoned conference could not be ended";
        } else if (effect instanceof Effect.SetEndConferenceOnExit) {
            return "a third party may have been cut off when the customer was moved";
        } else if (effect instanceof Effect.NotifyAgent) {
            return "the agent's desktop could not be told";
        }
        return "a recovery step failed";
    }
}
