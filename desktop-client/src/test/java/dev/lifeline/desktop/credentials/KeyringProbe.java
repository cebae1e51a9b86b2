package dev.lifeline.desktop.credentials;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A child process for {@link KeyringCredentialStoreTest}: the desktop's own store choice and keyring code, run where
 * the environment names the test's private D-Bus session (a JVM reads {@code DBUS_SESSION_BUS_ADDRESS} at start).
 * {@code save|load|clear CONFIG_DIR [auto|keyring]}; prints one line per fact.
 */
public final class KeyringProbe {

    private KeyringProbe() {
    }

    public static void main(String[] args) throws Exception {
        CredentialStores.Choice choice = args.length > 2 ? CredentialStores.Choice.valueOf(args[2].toUpperCase()) : CredentialStores.Choice.KEYRING;
        CredentialStore store = CredentialStores.open(choice, Path.of(args[1]));
        if (store == null) {
            System.out.println("store: none");
            System.exit(0);
        }
        System.out.println("store: " + store.description());
        switch (args[0]) {
            case "save" -> store.save(new SavedSignIn("http://localhost:27080", "alice", "credential-from-probe",
                    Instant.parse("2030-01-01T00:00:00Z")));
            case "load" -> System.out.println("loaded: " + store.load().map(s -> s.identity() + " " + s.credential()).orElse("nothing"));
            case "clear" -> store.clear();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("done");
        // dbus-java's sender thread is not a daemon: the desktop ends with System.exit, and so does this.
        System.exit(0);
    }
}
