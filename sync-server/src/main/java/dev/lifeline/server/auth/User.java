package dev.lifeline.server.auth;

import dev.lifeline.model.auth.Role;
import java.util.regex.Pattern;

/**
 * A desktop user.
 *
 * @param identity     login name, also the SIP user of the agent's softphone ({@code sip:<identity>@<domain>})
 *                     and the worker's friendly name in TaskRouter
 * @param passwordHash a {@link PasswordHasher} hash, never the password
 * @param skills       the agent's routing skills (the users file's optional fifth field), which {@code provision} puts
 *                     in the worker's {@code routing.skills}; null when the file names none (the worker's stay as set)
 */
public record User(String identity, String displayName, Role role, String passwordHash, java.util.List<String> skills) {

    /** A user whose line names no skills. */
    public User(String identity, String displayName, Role role, String passwordHash) {
        this(identity, displayName, role, passwordHash, null);
    }

    public User {
        skills = skills == null ? null : java.util.List.copyOf(skills);
    }

    /** What an identity may look like: also the rule a sign-in name is checked against before anything else. */
    public static final Pattern IDENTITY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static boolean isValidIdentity(String identity) {
        return identity != null && IDENTITY.matcher(identity).matches();
    }

    @Override
    public String toString() {
        return "User[" + identity + ", " + role + "]";
    }
}
