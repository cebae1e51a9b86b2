package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.reservation.ReservationView;

/**
 * Whether a reservation is part of the signed-in agent's OWN open recovery, the only kind the desktop accepts
 * without a click (and never rings). The server's flags alone are not enough: a requeued customer's task keeps its
 * incident's attributes, and a desktop trusting a wrong flag would bridge a customer without the agent touching
 * anything (issue 21). So the desktop also checks the reservation against the incident it is recovering from; once
 * that incident is over (requeued, expired, cancelled), its customer is an ordinary offer like any other.
 */
public final class OwnRecovery {

    private OwnRecovery() {
    }

    /** A pending ping or reconnect, for this agent, of the incident this agent is recovering from right now. */
    public static boolean acceptsByItself(ReservationView reservation, AgentModel model) {
        if (!reservation.isPending() || !reservation.isPartOfRecovery()) {
            return false;
        }
        IncidentView incident = model.incidentProperty().get();
        String me = model.workerSid();
        return me != null && incident != null && incident.isOpen()
                && incident.incidentId().equals(reservation.incidentId())
                && me.equals(reservation.workerSid()) && me.equals(incident.droppedWorkerSid());
    }
}
