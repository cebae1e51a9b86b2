package dev.lifeline.server.auth;

import dev.lifeline.model.auth.Role;
import dev.lifeline.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users allowed to log in. A users file has one user a line:
 * {@code identity:role:Display Name:pbkdf2-sha256$…[:sales,support]} (blank lines and {@code #} comments ignored); the
 * optional last field is the agent's routing skills.
 * Without a file (sim mode) the documented demo users are created with salted hashes of their demo
 * passwords: alice/alice-demo and bob/bob-demo (agents), sam/sam-demo (supervisor).
 */
public final class UserDirectory {

    private final Map<String, User> users;

    private UserDirectory(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    public static UserDirectory demo(PasswordHasher hasher) {
        Map<String, User> users = new LinkedHashMap<>();
        users.put("alice", new User("alice", "Alice Agent", Role.AGENT, hasher.hash("alice-demo".toCharArray())));
        users.put("bob", new User("bob", "Bob Agent", Role.AGENT, hasher.hash("bob-demo".toCharArray())));
        users.put("sam", new User("sam", "Sam Supervisor", Role.SUPERVISOR, hasher.hash("sam-demo".toCharArray())));
        return new UserDirectory(users);
    }

    public static UserDirectory load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read users file: " + e.getMessage());
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            User user = parse(file, i + 1, line);
            if (users.putIfAbsent(user.identity(), user) != null) {
                throw new ConfigException(file + ":" + (i + 1) + ": user '" + user.identity() + "' is listed twice");
            }
        }
        if (users.isEmpty()) {
            throw new ConfigException(file + ": users file lists no users");
        }
        return new UserDirectory(users);
    }

    private static User parse(Path file, int lineNumber, String line) {
        String[] parts = line.split(":", 5);
        String where = file + ":" + lineNumber + ": ";
        if (parts.length < 4) {
            throw new ConfigException(where + "expected identity:role:Display Name:hash[:skill,skill]");
        }
        String identity = parts[0].trim();
        if (!User.isValidIdentity(identity)) {
            throw new ConfigException(where + "identity '" + identity + "' must be lowercase letters, digits, . _ -");
        }
        Role role;
        try {
            role = Role.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "role must be agent or supervisor, got '" + parts[1].trim() + "'");
        }
        String hash = parts[3].trim();
        if (!PasswordHasher.isWellFormed(hash)) {
            throw new ConfigException(where + "password hash must look like pbkdf2-sha256$iterations$salt$hash");
        }
        return new User(identity, parts[2].trim(), role, hash, parts.length == 5 ? skills(where, parts[4]) : null);
    }

    /** The optional fifth field: {@code sales,support} (lowercase letters, digits, {@code _} and {@code -}). */
    private static List<String> skills(String where, String field) {
        List<String> skills = new java.util.ArrayList<>();
        for (String skill : field.split(",")) {
            String name = skill.trim();
            if (!name.matches("[a-z0-9_-]{1,40}")) {
                throw new ConfigException(where + "skills must be a comma-separated list of a-z 0-9 _ -, got '" + field.trim()
                        + "'");
            }
            skills.add(name);
        }
        return skills;
    }

    public Optional<User> find(String identity) {
        return Optional.ofNullable(identity == null ? null : users.get(identity));
    }

    public List<User> all() {
        return List.copyOf(users.values());
    }
}
