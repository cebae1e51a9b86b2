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
 * @param conferenceSid the conference of the agent's live call (what a supervisor listens to); null when none
 */
public record AgentStatus(AgentView agent, AgentWorkState state, Instant stateSince, String conferenceSid) {

    public AgentStatus {
        Require.present(agent, "agent");
        Require.present(state, "state");
        conferenceSid = Require.optionalText(conferenceSid, "conferenceSid");
    }

    /** Not on a live call. */
    public AgentStatus(AgentView agent, AgentWorkState state, Instant stateSince) {
        this(agent, state, stateSince, null);
    }
}
