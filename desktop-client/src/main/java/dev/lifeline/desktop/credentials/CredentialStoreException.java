package dev.lifeline.desktop.credentials;

/** The credential store could not be read or written (locked keyring, unwritable file …). */
public final class CredentialStoreException extends Exception {

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
