package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * A refresh credential that signs a desktop in again without a password: bound to one device, good once (each use
 * answers with the next one and retires it), and never past {@code expiresAt}, however often it is used. A retired
 * one presented again revokes every credential descended from the same password sign-in.
 *
 * @param credential the secret to present to {@code POST /api/session/resume}; kept in the OS credential store
 * @param expiresAt  when the chain of credentials from this sign-in ends (sign in with the password then)
 */
public record ResumeCredential(String credential, Instant expiresAt) {

    public ResumeCredential {
        Require.text(credential, "credential");
        Require.present(expiresAt, "expiresAt");
    }

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "ResumeCredential[credential=***, expiresAt=" + expiresAt + "]";
    }
}
