package dev.lifeline.desktop.credentials;

import java.util.Optional;

/** Where the saved sign-in lives: the OS credential store, or a file only this user may read. Calls may block. */
public interface CredentialStore {

    /** Empty when nothing is saved, or what is saved cannot be read (it is then as good as gone). */
    Optional<SavedSignIn> load() throws CredentialStoreException;

    void save(SavedSignIn signIn) throws CredentialStoreException;

    /** Forgets the saved sign-in; nothing saved is fine. */
    void clear() throws CredentialStoreException;

    /** For the About box: which store this is, and where. */
    String description();
}
