package dev.lifeline.desktop.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the Secret Service path against a real keyring daemon: Debian's gnome-keyring on a D-Bus session of the
 * test's own ({@link SecretServiceSession}). The saved sign-in is written by one process and read by the next (so it
 * lives in the daemon, not in memory), found by an independent Secret Service client ({@code secret-tool}) under
 * the desktop's service and account, and gone after a clear; no file is written meanwhile.
 */
class KeyringCredentialStoreTest {

    private static SecretServiceSession session;
    private static Path configDirectory;

    @BeforeAll
    static void startAKeyring() throws Exception {
        session = SecretServiceSession.start();
        configDirectory = Files.createTempDirectory("lifeline-config");
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theSavedSignInLivesInTheSecretServiceAcrossProcessesAndIsGoneAfterAClear() throws Exception {
        List<String> saved = probe("save", "auto");
        List<String> loaded = probe("load", "keyring");
        List<String> seenBySecretTool = session.run(List.of("secret-tool", "lookup",
                "service", KeyringCredentialStore.SERVICE, "account", KeyringCredentialStore.ACCOUNT));
        probe("clear", "keyring");
        List<String> afterClear = probe("load", "keyring");

        assertThat(saved).as("auto picks the keyring when one answers").contains("store: Secret Service (D-Bus) (entry \"Lifeline Desktop\")", "done");
        assertThat(loaded).contains("loaded: alice credential-from-probe");
        assertThat(String.join("\n", seenBySecretTool)).contains("\"credential\":\"credential-from-probe\"");
        assertThat(afterClear).contains("loaded: nothing");
        assertThat(configDirectory.resolve(FileCredentialStore.FILE_NAME)).as("no file fallback meanwhile").doesNotExist();
    }

    @Test
    void withoutASessionBusAutoFallsBackToTheFile() throws Exception {
        Path output = Files.createTempFile("keyring-probe", ".out");
        ProcessBuilder builder = new ProcessBuilder(javaCommand("save", "auto")).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        builder.environment().remove("DISPLAY");
        builder.environment().put("HOME", session.home().resolve("no-bus").toString());
        builder.environment().put("XDG_RUNTIME_DIR", session.home().resolve("no-bus").toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String result = Files.readString(output);

        assertThat(result).contains("store: file " + configDirectory.resolve(FileCredentialStore.FILE_NAME), "done");
        assertThat(configDirectory.resolve(FileCredentialStore.FILE_NAME)).exists();
        Files.delete(configDirectory.resolve(FileCredentialStore.FILE_NAME));
    }

    private static List<String> probe(String operation, String choice) throws Exception {
        return session.run(javaCommand(operation, choice));
    }

    private static List<String> javaCommand(String operation, String choice) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyringProbe.class.getName(), operation,
                configDirectory.toString(), choice));
        return command;
    }
}
