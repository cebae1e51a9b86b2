package dev.lifeline.desktop.call;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.Shortcuts;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The active call card: state, timer, who is on the call, Mute / Hold / Hang up; shown while there is a call. */
public final class CallView {

    private final CallViewModel call;
    private final Parent root;

    @FXML private Label callState;
    @FXML private Label callTimer;
    @FXML private Label callCustomer;
    @FXML private TableView<ParticipantRow> participantsTable;
    @FXML private TableColumn<ParticipantRow, String> participantNameColumn;
    @FXML private TableColumn<ParticipantRow, String> participantRoleColumn;
    @FXML private TableColumn<ParticipantRow, String> participantStateColumn;
    @FXML private Button muteButton;
    @FXML private Button holdButton;
    @FXML private Button hangUpButton;
    @FXML private Label callError;

    public CallView(CallViewModel call) {
        this.call = call;
        this.root = ViewLoader.load(this);
        Bind.showWhen(root, call.activeProperty());
    }

    @FXML
    private void initialize() {
        callState.textProperty().bind(call.stateProperty());
        callTimer.textProperty().bind(call.elapsedProperty());
        callCustomer.textProperty().bind(call.customerProperty());
        participantsTable.setItems(call.participants());
        // One row per leg and no empty filler rows: the table is as tall as the call is wide.
        participantsTable.setFixedCellSize(30);
        participantsTable.prefHeightProperty().bind(Bindings.size(call.participants()).multiply(30).add(34));
        participantsTable.minHeightProperty().bind(participantsTable.prefHeightProperty());
        participantsTable.setPlaceholder(new Label("Connecting…"));
        participantNameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        participantRoleColumn.setCellValueFactory(cell -> cell.getValue().roleProperty());
        participantStateColumn.setCellValueFactory(cell -> cell.getValue().stateProperty());
        muteButton.textProperty().bind(Bindings.when(call.mutedProperty()).then("Unmute").otherwise("Mute"));
        holdButton.textProperty().bind(Bindings.when(call.customerOnHoldProperty()).then("Resume").otherwise("Hold"));
        muteButton.disableProperty().bind(call.busyProperty());
        holdButton.disableProperty().bind(call.busyProperty());
        hangUpButton.disableProperty().bind(call.busyProperty());
        muteButton.setOnAction(event -> call.toggleMute());
        holdButton.setOnAction(event -> call.toggleHold());
        hangUpButton.setOnAction(event -> call.hangUp());
        Bind.showText(callError, call.errorProperty());
    }

    /** Ctrl+M mutes, Ctrl+H holds, Ctrl+E hangs up (while the call is shown). */
    public void installShortcuts(Scene scene) {
        Shortcuts.install(scene, new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), muteButton);
        Shortcuts.install(scene, new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), holdButton);
        Shortcuts.install(scene, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), hangUpButton);
    }

    public Parent root() {
        return root;
    }
}
