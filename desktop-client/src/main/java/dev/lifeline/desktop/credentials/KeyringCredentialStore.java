package dev.lifeline.desktop.credentials;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The saved sign-in in the operating system's credential store through java-keyring: the Secret Service (GNOME
 * Keyring, KWallet's bridge …) over D-Bus on Linux, the Keychain on macOS, the Credential Manager on Windows. One
 * entry: service {@value #SERVICE}, account {@value #ACCOUNT}; the value is the {@link SavedSignIn} as JSON.
 */
final class KeyringCredentialStore implements CredentialStore {

    static final String SERVICE = "Lifeline Desktop";
    static final String ACCOUNT = "saved-sign-in";

    private final Keyring keyring;

    KeyringCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Proves the store answers: a read of our entry either finds it or says there is none. A store that needs the user
     * to unlock it may block here; {@link CredentialStores} bounds the wait.
     */
    void probe() {
        try {
            keyring.getPassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException nothingSavedYet) {
            // The expected answer of a working store without our entry.
        }
    }

    @Override
    public Optional<SavedSignIn> load() throws CredentialStoreException {
        String stored;
        try {
            stored = keyring.getPassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException nothingSaved) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new CredentialStoreException("the " + name() + " could not be read", e);
        }
        return SavedSignIn.decode(stored);
    }

    @Override
    public void save(SavedSignIn signIn) throws CredentialStoreException {
        try {
            keyring.setPassword(SERVICE, ACCOUNT, signIn.encode());
        } catch (PasswordAccessException | RuntimeException e) {
            throw new CredentialStoreException("the " + name() + " could not be written", e);
        }
    }

    @Override
    public void clear() throws CredentialStoreException {
        try {
            keyring.deletePassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException e) {
            // Nothing saved (the backends say so with this exception too): already clear. Check to be sure.
            if (load().isPresent()) {
                throw new CredentialStoreException("the " + name() + " entry could not be deleted", e);
            }
        } catch (RuntimeException e) {
            throw new CredentialStoreException("the " + name() + " entry could not be deleted", e);
        }
    }

    @Override
    public String description() {
        return name() + " (entry \"" + SERVICE + "\")";
    }

    private String name() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        return switch (type) {
            case GNOME_KEYRING -> "Secret Service (D-Bus)";
            case KWALLET -> "KWallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        };
    }
}
