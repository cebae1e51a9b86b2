package dev.lifeline.model.queue;

import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * An agent row on the supervisor panel: who (with activity and presence) and what they are doing.
 *
 * @param agent      the agent, with TaskRouter activity and desktop presence
 * @param state      what the agent is doing now
 * @param stateSince when the agent entered that state; optional
 */
public record AgentStatus(AgentView agent, AgentWorkState state, Instant stateSince) {

    public AgentStatus {
        Require.present(agent, "agent");
        Require.present(state, "state");
    }
}
