package dev.lifeline.desktop.supervisor;

import dev.lifeline.model.auth.DeviceSession;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The list of an agent's devices that sign in by themselves, with Revoke (the supervisor's action of issue 14). */
final class AgentDevicesDialog {

    private AgentDevicesDialog() {
    }

    static Alert show(Window owner, AgentDevicesViewModel model) {
        ListView<DeviceSession> list = new ListView<>(model.devices());
        list.setId("agentDevicesList");
        list.setPrefHeight(180);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceSession device, boolean empty) {
                super.updateItem(device, empty);
                setText(empty || device == null ? null : model.details(device));
            }
        });
        Button revoke = new Button("Revoke device");
        revoke.setId("revokeDeviceButton");
        revoke.getStyleClass().add("danger-outline");
        revoke.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(event -> model.revoke(list.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId("agentDevicesStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox content = new VBox(8, new Label("Devices on which " + model.agent()
                + " signs in without a password. Revoking one also ends its sessions."), list, revoke, status);
        content.setPrefWidth(520);

        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.setTitle("Devices of " + model.agent());
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("agentDevicesDialog");
        model.load();
        dialog.show();
        return dialog;
    }
}
