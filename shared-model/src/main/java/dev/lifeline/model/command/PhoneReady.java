package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code phone-ready}: the dropped agent's desktop is back for this incident — signed in (the session sending it) and
 * its softphone registered with the SIP Domain, so a call to the agent's address rings here. With the {@code rejoin}
 * strategy the server then dials the agent straight into the conference the customer is waiting in; with
 * {@code requeue} it changes nothing (the Recovery Ping is the signal there). Only the incident's own agent may send
 * it; anyone else's incident answers as an unknown one (404).
 *
 * @param incidentId the open incident the desktop shows the Reconnecting modal for
 */
public record PhoneReady(String incidentId) implements ClientCommand {

    public PhoneReady {
        Require.text(incidentId, "incidentId");
    }
}
