package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * A device on which an agent may sign in again without a password (one chain of resume credentials).
 *
 * @param deviceId   the id the desktop made for that computer
 * @param deviceName what the desktop called it at sign-in (its host name); may be null
 * @param signedInAt when the password was last typed on it
 * @param lastUsedAt when it last signed in by itself (or {@code signedInAt})
 * @param expiresAt  when it must sign in with the password again
 */
public record DeviceSession(String deviceId, String deviceName, Instant signedInAt, Instant lastUsedAt, Instant expiresAt) {

    public DeviceSession {
        Require.text(deviceId, "deviceId");
        deviceName = Require.optionalText(deviceName, "deviceName");
        Require.present(signedInAt, "signedInAt");
        Require.present(lastUsedAt, "lastUsedAt");
        Require.present(expiresAt, "expiresAt");
    }
}
