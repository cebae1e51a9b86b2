package dev.lifeline.server.engine;

import dev.lifeline.server.recovery.Incident;

/** How the engine tells people about an incident; the desktop hub implements it. */
public interface AgentNotifier {

    /** The incident changed: tell the dropped agent's desktop (and the supervisors' panels). */
    void incidentChanged(Incident incident);

    AgentNotifier NONE = incident -> { };
}
