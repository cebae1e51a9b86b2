package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.util.List;

/** Answer to the device listings: the devices on which {@code identity} may sign in again without a password. */
public record DeviceList(String identity, List<DeviceSession> devices) {

    public DeviceList {
        Require.text(identity, "identity");
        devices = Require.listOf(devices, "devices");
    }
}
