package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file's optional fifth field: the agent's routing skills (issue 19). */
class UserSkillsTest {

    @TempDir
    Path folder;

    @Test
    void aLineMayNameSkillsAndOneWithoutNamesNone() throws IOException {
        String hash = new PasswordHasher().hash("pw".toCharArray());
        Path file = Files.writeString(folder.resolve("users"), "alice:agent:Alice Agent:" + hash + ":sales, support\n"
                + "bob:agent:Bob Agent:" + hash + "\n");

        UserDirectory users = UserDirectory.load(file);

        assertThat(users.find("alice").orElseThrow().skills()).containsExactly("sales", "support");
        assertThat(users.find("bob").orElseThrow().skills()).isNull();
        assertThat(users.find("alice").orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void aSkillThatIsNotAWordIsRefusedNamingTheLine() throws IOException {
        String hash = new PasswordHasher().hash("pw".toCharArray());
        Path file = Files.writeString(folder.resolve("users"), "alice:agent:Alice Agent:" + hash + ":Sales Team\n");

        assertThatThrownBy(() -> UserDirectory.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1: skills must be a comma-separated list of a-z 0-9 _ -, got 'Sales Team'");
    }
}
