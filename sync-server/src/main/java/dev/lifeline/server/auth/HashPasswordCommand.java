package dev.lifeline.server.auth;

import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.observability.LogSafe;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code lifeline-server hash-password [IDENTITY agent|supervisor "Display Name"]}: hashes a password for the users
 * file. The password never comes from the command line (other users see it in {@code ps}): on a terminal it is asked
 * twice without echo, otherwise it is the first line of standard input ({@code … hash-password < file}). Without
 * arguments it prints the hash; with them, the whole users-file line.
 */
public final class HashPasswordCommand {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final String USAGE = "hash-password [IDENTITY agent|supervisor \"Display Name\"] "
            + "(the password is asked without echo, or read from the first line of standard input)";

    /** Where the password comes from. */
    public interface PasswordInput {
        /** @return the password, or null when none was given */
        char[] read();
    }

    private HashPasswordCommand() {
    }

    /** @return the line to print: the hash alone, or {@code identity:role:Display Name:hash} */
    public static String run(List<String> args, PasswordInput input, PasswordHasher hasher) {
        if (!args.isEmpty() && args.size() != 3) {
            throw new ConfigException("usage: " + USAGE);
        }
        String prefix = args.isEmpty() ? "" : userFields(args.get(0), args.get(1), args.get(2));
        char[] password = input.read();
        if (password == null || password.length == 0) {
            throw new ConfigException("hash-password: no password given");
        }
        try {
            if (password.length < MIN_PASSWORD_LENGTH) {
                throw new ConfigException("hash-password: the password must be at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            return prefix + hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String userFields(String identity, String role, String displayName) {
        if (!User.isValidIdentity(identity)) {
            throw new ConfigException("hash-password: identity '" + LogSafe.text(identity)
                    + "' must be lowercase letters, digits, . _ - (at most 64, starting with a letter or digit)");
        }
        String normalisedRole = role.toLowerCase(Locale.ROOT);
        if (!normalisedRole.equals("agent") && !normalisedRole.equals("supervisor")) {
            throw new ConfigException("hash-password: role must be agent or supervisor, got '" + LogSafe.text(role) + "'");
        }
        if (displayName.isBlank() || displayName.contains(":") || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException("hash-password: the display name must not be blank nor contain ':' or control characters");
        }
        return identity + ":" + normalisedRole + ":" + displayName.trim() + ":";
    }

    /** A terminal: asks twice without echo and refuses two different answers. */
    public static PasswordInput console(Console console) {
        return () -> {
            char[] first = console.readPassword("Password: ");
            char[] second = first == null ? null : console.readPassword("Again: ");
            try {
                if (first != null && !Arrays.equals(first, second)) {
                    Arrays.fill(first, '\0');
                    throw new ConfigException("hash-password: the two passwords differ");
                }
                return first;
            } finally {
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        };
    }

    /** A pipe or file: its first line, without the line break. */
    public static PasswordInput firstLineOf(InputStream in) {
        return () -> {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.toCharArray();
            } catch (IOException e) {
                throw new ConfigException("hash-password: cannot read the password from standard input: " + e.getMessage());
            }
        };
    }
}
