package dev.lifeline.desktop.credentials;

import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.validation.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * What the desktop keeps between runs to sign in again by itself: the server, who signed in, and the device-bound
 * resume credential the server handed out last (each use answers with the next, so this is rewritten every start).
 *
 * @param expiresAt when the server stops accepting the chain (the agent types the password then)
 */
public record SavedSignIn(String serverUrl, String identity, String credential, Instant expiresAt) {

    public SavedSignIn {
        Require.text(serverUrl, "serverUrl");
        Require.text(identity, "identity");
        Require.text(credential, "credential");
        Require.present(expiresAt, "expiresAt");
    }

    String encode() {
        return JsonCodec.shared().encode(this);
    }

    /** Empty for what cannot be read (a damaged entry is as good as none: the agent types the password once). */
    static Optional<SavedSignIn> decode(String stored) {
        try {
            return Optional.of(JsonCodec.shared().decode(stored, SavedSignIn.class));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "SavedSignIn[serverUrl=" + serverUrl + ", identity=" + identity + ", credential=***, expiresAt=" + expiresAt + "]";
    }
}
