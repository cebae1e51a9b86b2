package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.auth.DeviceList;
import dev.lifeline.model.auth.DeviceSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's view of one agent's devices that sign in by themselves (issue 14), and the revocation of one: its
 * saved sign-in stops working and the sessions it started end (a lost or shared laptop).
 */
public final class AgentDevicesViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final Function<String, CompletableFuture<DeviceList>> list;
    private final BiFunction<String, String, CompletableFuture<Void>> revoke;
    private final UiExecutor ui;
    private final ZoneId zone;
    private final String agent;
    private final ObservableList<DeviceSession> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param list   an agent's devices (the REST client's {@code agentDevices})
     * @param revoke revokes an agent's device (the REST client's {@code revokeDevice})
     */
    public AgentDevicesViewModel(Function<String, CompletableFuture<DeviceList>> list,
                                 BiFunction<String, String, CompletableFuture<Void>> revoke,
                                 UiExecutor ui, ZoneId zone, String agent) {
        this.list = list;
        this.revoke = revoke;
        this.ui = ui;
        this.zone = zone;
        this.agent = agent;
    }

    public void load() {
        status.set("Loading " + agent + "'s devices…");
        list.apply(agent).whenComplete((found, failure) -> ui.execute(() -> {
            if (failure != null) {
                status.set("Could not load the devices: " + Failures.text(failure));
                return;
            }
            devices.setAll(found.devices());
            status.set(found.devices().isEmpty() ? agent + " has no device that signs in by itself." : "");
        }));
    }

    public void revoke(DeviceSession device) {
        if (device == null) {
            return;
        }
        status.set("Revoking " + describe(device) + "…");
        revoke.apply(agent, device.deviceId()).whenComplete((done, failure) -> ui.execute(() -> {
            if (failure != null) {
                status.set("Could not revoke: " + Failures.text(failure));
                return;
            }
            devices.remove(device);
            status.set("Revoked: " + describe(device) + " must sign in with the password again.");
        }));
    }

    /** A device by its name, or its id when it gave none. */
    public String describe(DeviceSession device) {
        return device.deviceName() != null ? device.deviceName() : device.deviceId();
    }

    /** One line for a device: its name, when it last signed in and until when it may. */
    public String details(DeviceSession device) {
        return describe(device) + " · last signed in " + WHEN.format(device.lastUsedAt().atZone(zone))
                + " · until " + WHEN.format(device.expiresAt().atZone(zone));
    }

    public String agent() {
        return agent;
    }

    public ObservableList<DeviceSession> devices() {
        return devices;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
