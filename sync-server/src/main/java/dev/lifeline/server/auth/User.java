package dev.lifeline.server.auth;

/**
 * A desktop user.
 *
 * @param identity     login name, also the softphone identity ({@code client:<identity>}) and the worker's
 *                     friendly name in TaskRouter
 * @param passwordHash a {@link PasswordHasher} hash, never the password
 */
public record User(String identity, String displayName, Role role, String passwordHash) {

    @Override
    public String toString() {
        return "User[" + identity + ", " + role + "]";
    }
}
