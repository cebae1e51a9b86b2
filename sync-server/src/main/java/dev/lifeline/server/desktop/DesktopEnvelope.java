package dev.lifeline.server.desktop;

import java.io.Serializable;

/**
 * One server event on its way across the cluster: the member that handled a webhook publishes it, every member
 * delivers it to the sockets it holds. The event travels already encoded, so members agree on its bytes.
 *
 * @param identity the agent it is for, or {@code null} for {@link #toSupervisors}
 */
record DesktopEnvelope(String identity, boolean toSupervisors, String eventJson) implements Serializable {
}
