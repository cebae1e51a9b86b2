package dev.lifeline.server.engine;

import dev.lifeline.server.recovery.Incident;

/** How the engine tells people about an incident; the desktop hub implements it. */
public interface AgentNotifier {

    /** The incident's phase changed: tell the dropped agent's desktop and the supervisors' panels. */
    void incidentChanged(Incident incident);

    /**
     * Tell another agent's desktop of the incident (the agent who accepted the dropped agent's customer, say); the
     * supervisors heard of the phase change through {@link #incidentChanged}. A notifier that reaches no desktop of
     * other agents (a test's recorder) leaves it out.
     */
    default void tellAgent(String workerSid, Incident incident) {
    }

    AgentNotifier NONE = incident -> { };
}
