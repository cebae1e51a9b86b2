package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #22, low: an unknown name costs the same password check as a known one (no timing enumeration). */
class CredentialsTest {

    @TempDir
    Path dir;

    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final List<String> checkedAgainst = new ArrayList<>();

    private UserDirectory users() throws Exception {
        return UserDirectory.load(Files.writeString(dir.resolve("users"),
                "alice:agent:Alice:" + hasher.hash("alice-password".toCharArray()) + "\n"
                        + "sam:supervisor:Sam:" + hasher.hash("sam-password-1".toCharArray()) + "\n"));
    }

    private Credentials recording(UserDirectory users) {
        return new Credentials(users, (password, stored) -> {
            checkedAgainst.add(stored);
            return hasher.matches(password, stored);
        }, Credentials.dummyHashFor(users));
    }

    @Test
    void anUnknownNameIsCheckedAgainstADummyHashAsCostlyAsTheUsersOnes() throws Exception {
        Credentials credentials = recording(users());

        assertThat(credentials.check("mallory", "whatever".toCharArray())).isEmpty();

        assertThat(checkedAgainst).hasSize(1);
        assertThat(checkedAgainst.get(0)).startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void aKnownNameIsCheckedOnceAgainstItsOwnHash() throws Exception {
        UserDirectory users = users();
        Credentials credentials = recording(users);

        assertThat(credentials.check("alice", "alice-password".toCharArray())).hasValueSatisfying(
                user -> assertThat(user.identity()).isEqualTo("alice"));
        assertThat(credentials.check("alice", "wrong".toCharArray())).isEmpty();

        assertThat(checkedAgainst).containsExactly(users.find("alice").orElseThrow().passwordHash(),
                users.find("alice").orElseThrow().passwordHash());
    }

    @Test
    void theDummyHashMatchesNoPassword() throws Exception {
        Credentials credentials = new Credentials(users(), hasher);

        assertThat(credentials.check("mallory", "".toCharArray())).isEmpty();
        assertThat(credentials.check("mallory", "alice-password".toCharArray())).isEmpty();
    }
}
