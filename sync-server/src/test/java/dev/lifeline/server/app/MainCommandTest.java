package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.auth.PasswordHasher;
import dev.lifeline.server.auth.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lifeline-server} as an operator runs it: a real JVM, its exit status and what it prints (issue #22 item 2). */
class MainCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("LIFELINE_") || key.startsWith("TWILIO_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("lifeline-server did not exit");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void twilioModeWithoutAUsersFileExitsWithOneLineInsteadOfServingTheDemoUsers() throws Exception {
        Run run = run(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "not-a-real-token",
                "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com",
                "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc"), "", "run");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly("lifeline-server: config: auth.users-file is required in "
                + "twilio mode (the demo users exist only in sim mode); write one with 'lifeline-server hash-password'");
    }

    @Test
    void hashPasswordReadsThePasswordFromStandardInputAndPrintsAUsersFileLine() throws Exception {
        Run run = run(Map.of(), "a long enough password\n", "hash-password", "dana", "supervisor", "Dana Lead");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("a long enough password");
        Path users = Files.writeString(dir.resolve("users"), run.out());
        String hash = UserDirectory.load(users).find("dana").orElseThrow().passwordHash();
        assertThat(new PasswordHasher().matches("a long enough password".toCharArray(), hash)).isTrue();
    }

    @Test
    void hashPasswordRefusesAPasswordGivenOnTheCommandLine() throws Exception {
        Run run = run(Map.of(), "", "hash-password", "a long enough password");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lifeline-server: usage: hash-password");
        assertThat(run.out()).isEmpty();
    }
}
