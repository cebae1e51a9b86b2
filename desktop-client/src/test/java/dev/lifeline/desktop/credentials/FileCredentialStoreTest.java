package dev.lifeline.desktop.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, the fallback where no OS credential store answers: a file only this user may read (POSIX 600). */
class FileCredentialStoreTest {

    private static final SavedSignIn SAVED = new SavedSignIn("https://lifeline.example.com", "alice", "secret-credential",
            Instant.parse("2030-01-01T00:00:00Z"));

    @TempDir
    Path config;

    @Test
    void aSavedSignInIsReadBackFromAFileOnlyTheUserMayRead() throws Exception {
        FileCredentialStore store = new FileCredentialStore(config);

        store.save(SAVED);

        assertThat(store.load()).contains(SAVED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.description()).isEqualTo("file " + config.resolve("saved-sign-in.json") + " (readable by you only)");
        try (var left = Files.list(config)) {
            assertThat(left).as("no temporary file is left behind").containsExactly(store.file());
        }
    }

    @Test
    void theNextCredentialReplacesThePreviousAndAClearRemovesTheFile() throws Exception {
        FileCredentialStore store = new FileCredentialStore(config);
        store.save(SAVED);

        SavedSignIn next = new SavedSignIn(SAVED.serverUrl(), "alice", "next-credential", SAVED.expiresAt());
        store.save(next);
        assertThat(store.load()).contains(next);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");

        store.clear();
        store.clear();
        assertThat(store.file()).doesNotExist();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void anUnreadableFileIsAsGoodAsNothingSaved() throws Exception {
        FileCredentialStore store = new FileCredentialStore(config);
        Files.writeString(store.file(), "{not json");

        assertThat(store.load()).isEmpty();
    }

    @Test
    void theCredentialIsNeverPrinted() {
        assertThat(SAVED.toString()).doesNotContain("secret-credential").contains("alice");
    }

    @Test
    void theDeviceIdIsMadeOnceAndKept() {
        DeviceIdentity first = DeviceIdentity.of(config);
        DeviceIdentity again = DeviceIdentity.of(config);

        assertThat(first.id()).matches("[A-Za-z0-9_-]{8,64}").isEqualTo(again.id());
    }
}
