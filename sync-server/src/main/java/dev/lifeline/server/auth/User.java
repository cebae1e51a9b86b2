package dev.lifeline.server.auth;

import dev.lifeline.model.auth.Role;
import java.util.regex.Pattern;

/**
 * A desktop user.
 *
 * @param identity     login name, also the SIP user of the agent's softphone ({@code sip:<identity>@<domain>})
 *                     and the worker's friendly name in TaskRouter
 * @param passwordHash a {@link PasswordHasher} hash, never the password
 */
public record User(String identity, String displayName, Role role, String passwordHash) {

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
