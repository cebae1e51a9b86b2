package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.auth.Role;
import dev.lifeline.server.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lifeline-server hash-password}: what an operator writes the users file with (issue #22 item 2). */
class HashPasswordCommandTest {

    @TempDir
    Path dir;

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    private static HashPasswordCommand.PasswordInput stdin(String text) {
        return HashPasswordCommand.firstLineOf(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withAUserItPrintsAUsersFileLineTheServerLoads() throws Exception {
        String line = HashPasswordCommand.run(List.of("carol", "agent", "Carol Agent"), stdin("correct horse battery\n"), hasher);

        User carol = UserDirectory.load(Files.writeString(dir.resolve("users"), line + "\n")).find("carol").orElseThrow();
        assertThat(carol.role()).isEqualTo(Role.AGENT);
        assertThat(carol.displayName()).isEqualTo("Carol Agent");
        assertThat(hasher.matches("correct horse battery".toCharArray(), carol.passwordHash())).isTrue();
        assertThat(line).doesNotContain("correct horse battery");
    }

    @Test
    void withoutArgumentsItPrintsTheHashAlone() {
        String hash = HashPasswordCommand.run(List.of(), stdin("correct horse battery"), hasher);

        assertThat(PasswordHasher.isWellFormed(hash)).isTrue();
        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
    }

    @Test
    void aPasswordOnTheCommandLineIsNotAcceptedBecauseEveryoneSeesItInPs() {
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of("correct horse battery"), stdin(""), hasher))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("usage: hash-password");
    }

    @Test
    void badInputIsOneClearLine() {
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of(), stdin("short\n"), hasher))
                .hasMessage("hash-password: the password must be at least 12 characters");
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of(), stdin(""), hasher))
                .hasMessage("hash-password: no password given");
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of("Carol", "agent", "Carol"), stdin("correct horse battery"), hasher))
                .hasMessageContaining("identity 'Carol' must be lowercase");
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of("carol", "admin", "Carol"), stdin("correct horse battery"), hasher))
                .hasMessage("hash-password: role must be agent or supervisor, got 'admin'");
        assertThatThrownBy(() -> HashPasswordCommand.run(List.of("carol", "agent", "Carol: Agent"), stdin("correct horse battery"), hasher))
                .hasMessageContaining("must not be blank nor contain ':'");
    }
}
