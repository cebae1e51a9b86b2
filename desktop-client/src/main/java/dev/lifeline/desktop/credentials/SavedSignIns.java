package dev.lifeline.desktop.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's saved sign-in, off the UI thread: opening the OS credential store and every read and write run on one
 * thread of their own (a keyring answers over D-Bus, and may take seconds). The store is opened on first use.
 */
public final class SavedSignIns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SavedSignIns.class);

    private final Supplier<CredentialStore> opens;
    private final DeviceIdentity device;
    private final ExecutorService worker;
    private final CompletableFuture<CredentialStore> store = new CompletableFuture<>();
    private boolean opening;

    SavedSignIns(Supplier<CredentialStore> opens, DeviceIdentity device) {
        this.opens = opens;
        this.device = device;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lifeline-credentials");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * This user's saved sign-in as {@link CredentialStores#open} picks the store ({@value CredentialStores#SETTING}).
     *
     * @throws IllegalArgumentException for a bad {@value CredentialStores#SETTING}, in a sentence
     */
    public static SavedSignIns forThisUser(Path configDirectory, Map<String, String> environment) {
        CredentialStores.Choice choice = CredentialStores.Choice.of(environment);
        if (choice == CredentialStores.Choice.OFF) {
            return none();
        }
        return new SavedSignIns(() -> CredentialStores.open(choice, configDirectory), DeviceIdentity.of(configDirectory));
    }

    /** In the owner-only file of {@code configDirectory}, whatever the OS offers (tests, {@code file}). */
    public static SavedSignIns inFileOf(Path configDirectory) {
        return new SavedSignIns(() -> new FileCredentialStore(configDirectory), DeviceIdentity.of(configDirectory));
    }

    /** Keeps nothing: every start asks for the password (tests, and {@code off}); no device is named at sign-in. */
    public static SavedSignIns none() {
        return new SavedSignIns(() -> null, null);
    }

    /** This computer, as a sign-in names it; empty when nothing is kept (then the server issues no credential). */
    public Optional<DeviceIdentity> device() {
        return Optional.ofNullable(device);
    }

    public CompletableFuture<Optional<SavedSignIn>> load() {
        return withStore(current -> current == null ? Optional.empty() : current.load());
    }

    public CompletableFuture<Void> save(SavedSignIn signIn) {
        return withStore(current -> {
            if (current != null) {
                current.save(signIn);
            }
            return null;
        });
    }

    public CompletableFuture<Void> forget() {
        return withStore(current -> {
            if (current != null) {
                current.clear();
            }
            return null;
        });
    }

    /** For the About box: where the sign-in is kept, once the store was opened. */
    public String description() {
        if (!store.isDone()) {
            return "not opened yet";
        }
        CredentialStore current = store.getNow(null);
        return current == null ? "not kept (every start asks for the password)" : current.description();
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T on(CredentialStore store) throws CredentialStoreException;
    }

    private <T> CompletableFuture<T> withStore(StoreCall<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.on(opened());
            } catch (CredentialStoreException e) {
                log.warn("saved sign-in: {}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
                throw new java.util.concurrent.CompletionException(e);
            }
        }, worker);
    }

    /** On the worker thread only. */
    private CredentialStore opened() {
        if (!opening) {
            opening = true;
            CredentialStore current = opens.get();
            store.complete(current);
            log.info("saved sign-in kept in: {}", current == null ? "nothing (off)" : current.description());
        }
        return store.getNow(null);
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
