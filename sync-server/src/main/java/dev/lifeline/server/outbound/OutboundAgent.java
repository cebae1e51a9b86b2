package dev.lifeline.server.outbound;

/**
 * The signed-in agent placing a call, as the routes resolved it from the session.
 *
 * @param sipAddress where the agent's softphone is registered ({@code sip:alice@<domain>})
 */
public record OutboundAgent(String identity, String workerSid, String displayName, String sipAddress) {
}
