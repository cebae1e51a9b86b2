package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;

/**
 * Body of {@code POST /api/session/resume}: the device's id and its current {@link ResumeCredential#credential()}.
 * The answer is a {@link LoginResponse} carrying the next credential.
 */
public record ResumeRequest(String deviceId, String credential) {

    public ResumeRequest {
        Require.text(deviceId, "deviceId");
        Require.text(credential, "credential");
    }

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "ResumeRequest[deviceId=" + deviceId + ", credential=***]";
    }
}
