package dev.lifeline.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a sign-in name and password with the same work whether or not the name exists: for an unknown name the
 * password is checked against a dummy hash made with the iteration count most of the real hashes use, so the time
 * of the answer does not tell which names are users (timing enumeration).
 */
public final class Credentials {

    /** One password check: {@link PasswordHasher#matches}. */
    interface HashCheck {
        boolean matches(char[] password, String storedHash);
    }

    private final UserDirectory users;
    private final HashCheck check;
    private final String dummyHash;

    public Credentials(UserDirectory users, PasswordHasher hasher) {
        this(users, hasher::matches, dummyHashFor(users));
    }

    Credentials(UserDirectory users, HashCheck check, String dummyHash) {
        this.users = users;
        this.check = check;
        this.dummyHash = dummyHash;
    }

    /** @return the user when the name exists and the password is theirs; always exactly one password check */
    public Optional<User> check(String identity, char[] password) {
        Optional<User> user = users.find(identity);
        boolean matches = check.matches(password, user.map(User::passwordHash).orElse(dummyHash));
        return matches ? user : Optional.empty();
    }

    /** A hash of a random password nobody knows, as costly to check as a typical user's. */
    static String dummyHashFor(UserDirectory users) {
        int iterations = users.all().stream()
                .collect(Collectors.groupingBy(user -> PasswordHasher.iterationsOf(user.passwordHash()), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(PasswordHasher.DEFAULT_ITERATIONS);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new PasswordHasher(iterations).hash(Base64.getEncoder().encodeToString(secret).toCharArray());
    }
}
