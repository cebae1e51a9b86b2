package dev.lifeline.server.callbacks;

/** The callbacks database refused or could not be reached; Hazelcast fails the write that needed it. */
public final class CallbackStoreException extends RuntimeException {

    public CallbackStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
