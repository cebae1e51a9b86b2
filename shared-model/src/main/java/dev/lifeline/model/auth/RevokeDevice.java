package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;

/** Body of the supervisor's device revocation: the device whose saved sign-in stops working (and its sessions end). */
public record RevokeDevice(String deviceId) {

    public RevokeDevice {
        Require.text(deviceId, "deviceId");
    }
}
