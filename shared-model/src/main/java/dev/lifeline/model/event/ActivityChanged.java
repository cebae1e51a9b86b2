package dev.lifeline.model.event;

import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.validation.Require;

/** {@code activity-changed}: the agent's TaskRouter activity or presence changed (by them, a supervisor or the server). */
public record ActivityChanged(AgentView agent) implements ServerEvent {

    public ActivityChanged {
        Require.present(agent, "agent");
    }
}
