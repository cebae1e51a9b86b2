package dev.lifeline.model.agent;

import dev.lifeline.model.auth.Role;
import dev.lifeline.model.validation.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An agent as the desktop and the supervisor panel see them.
 *
 * @param workerSid       TaskRouter worker SID ({@code WK…})
 * @param identity        the login identity, also the softphone's client identity
 * @param displayName     the worker's friendly name
 * @param activity        TaskRouter's {@code activity_name}; any workspace activity, see {@link Activity} for the
 *                        ones an agent may pick
 * @param presence        whether the desktop's heartbeat arrives
 * @param lastHeartbeatAt when the server last heard from the desktop, or {@code null} if never
 * @param roles           what the user may do
 */
public record AgentView(
        String workerSid,
        String identity,
        String displayName,
        String activity,
        AgentPresence presence,
        Instant lastHeartbeatAt,
        Set<Role> roles) {

    public AgentView {
        Require.text(workerSid, "workerSid");
        Require.text(identity, "identity");
        Require.text(displayName, "displayName");
        Require.text(activity, "activity");
        Require.present(presence, "presence");
        roles = copyOf(roles);
    }

    /** The activity as a selectable {@link Activity}, if it is one. */
    public Optional<Activity> selectableActivity() {
        return Activity.ofFriendlyName(activity);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    private static Set<Role> copyOf(Set<Role> roles) {
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (Role role : roles) {
                copy.add(Require.present(role, "roles"));
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
