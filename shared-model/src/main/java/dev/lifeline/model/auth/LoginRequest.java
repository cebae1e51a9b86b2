package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;

/**
 * Body of {@code POST /api/login}.
 *
 * @param deviceId   optional: this computer's id (made once by the desktop and kept); with it the answer carries a
 *                   {@link ResumeCredential} bound to this device, so the desktop can sign in again by itself
 * @param deviceName optional: how supervisors see this device in its agent's list (e.g. the host name)
 */
public record LoginRequest(String username, String password, String deviceId, String deviceName) {

    public LoginRequest {
        Require.text(username, "username");
        Require.text(password, "password");
        deviceId = Require.optionalText(deviceId, "deviceId");
        deviceName = Require.optionalText(deviceName, "deviceName");
    }

    /** Without a device: no resume credential is issued. */
    public LoginRequest(String username, String password) {
        this(username, password, null, null);
    }

    /** Never prints the password (records print every component by default, and requests get logged). */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***, deviceId=" + deviceId + ", deviceName=" + deviceName + "]";
    }
}
