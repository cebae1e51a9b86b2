package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * {@code heartbeat}: the desktop is alive. Sent on the WebSocket at a fixed interval; the heartbeat, not the
 * TaskRouter activity, is the agent's real availability.
 *
 * @param clientTime the desktop's clock when it sent the heartbeat (lets the server spot clock skew)
 */
public record Heartbeat(Instant clientTime) implements ClientCommand {

    public Heartbeat {
        Require.present(clientTime, "clientTime");
    }
}
