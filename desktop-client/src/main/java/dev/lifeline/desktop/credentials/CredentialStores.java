package dev.lifeline.desktop.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the store for the saved sign-in: the OS credential store when one answers, else the owner-only file in the
 * config folder. {@value #SETTING} chooses by hand: {@code auto} (the default), {@code keyring} (the OS store or
 * nothing), {@code file}, or {@code off} (never keep a sign-in: every start asks for the password).
 */
public final class CredentialStores {

    public static final String SETTING = "LIFELINE_CREDENTIAL_STORE";
    /** A keyring that waits for someone to unlock it must not hold the start-up: past this, the file is used. */
    static final Duration PROBE_LIMIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CredentialStores.class);

    private CredentialStores() {
    }

    /** The setting's values. */
    public enum Choice {
        AUTO, KEYRING, FILE, OFF;

        /** @throws IllegalArgumentException for a value that is none of the four, in a sentence */
        public static Choice of(Map<String, String> environment) {
            String setting = environment.getOrDefault(SETTING, "").strip();
            if (setting.isEmpty()) {
                return AUTO;
            }
            try {
                return valueOf(setting.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SETTING + " must be auto, keyring, file or off, not \"" + setting + "\"");
            }
        }
    }

    /** @return the store to use (this may take seconds: run it off the UI thread), or null when it is off */
    public static CredentialStore open(Choice choice, Path configDirectory) {
        return switch (choice) {
            case AUTO -> {
                KeyringCredentialStore keyring = keyring();
                yield keyring != null ? keyring : new FileCredentialStore(configDirectory);
            }
            case KEYRING -> keyring();
            case FILE -> new FileCredentialStore(configDirectory);
            case OFF -> null;
        };
    }

    /** The OS credential store if one answers within {@link #PROBE_LIMIT}, else null. */
    static KeyringCredentialStore keyring() {
        CompletableFuture<KeyringCredentialStore> opened = new CompletableFuture<>();
        Thread probe = new Thread(() -> {
            try {
                KeyringCredentialStore store = new KeyringCredentialStore(Keyring.create());
                store.probe();
                opened.complete(store);
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                opened.completeExceptionally(e);
            }
        }, "lifeline-keyring-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            return opened.get(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            log.info("no OS credential store answers ({}); the saved sign-in goes to a file", e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("the OS credential store did not answer within {} (locked?); the saved sign-in goes to a file",
                    PROBE_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
