package dev.lifeline.desktop.call;

import dev.lifeline.desktop.phone.CallAudioViewModel;
import dev.lifeline.desktop.phone.KeypadViewModel;
import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.Shortcuts;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;

/**
 * The active call card: state, timer, who is on the call, Mute / Hold / Hang up, the microphone's level and the
 * keypad; shown while there is a call. Mute goes to the conference (everyone sees it) and the phone follows it,
 * sending silence while the agent's leg is muted.
 */
public final class CallView {

    /** How often the level meter reads the microphone: smooth enough for the eye, cheap for the FX thread. */
    private static final Duration LEVEL_EVERY = Duration.millis(100);

    private final CallViewModel call;
    private final CallControlsViewModel controls;
    private final CallAudioViewModel audio;
    private final KeypadViewModel keypad;
    private final Timeline levelMeter;
    private final Parent root;

    @FXML private Label callState;
    @FXML private Label callTimer;
    @FXML private Label callCustomer;
    @FXML private TableView<ParticipantRow> participantsTable;
    @FXML private TableColumn<ParticipantRow, String> participantNameColumn;
    @FXML private TableColumn<ParticipantRow, String> participantRoleColumn;
    @FXML private TableColumn<ParticipantRow, String> participantStateColumn;
    @FXML private TableColumn<ParticipantRow, ParticipantRow> participantActionsColumn;
    @FXML private TextField addTarget;
    @FXML private Button addButton;
    @FXML private TextField transferTarget;
    @FXML private CheckBox transferToQueue;
    @FXML private Button coldTransferButton;
    @FXML private Button warmTransferButton;
    @FXML private HBox transferUnderWayRow;
    @FXML private Button completeTransferButton;
    @FXML private Button cancelTransferButton;
    @FXML private Button muteButton;
    @FXML private Button holdButton;
    @FXML private Button hangUpButton;
    @FXML private Label callError;
    @FXML private ProgressBar inputLevel;
    @FXML private Label keypadDisplay;
    @FXML private GridPane keypadGrid;
    @FXML private Label keypadMessage;

    public CallView(CallViewModel call, CallControlsViewModel controls, CallAudioViewModel audio, KeypadViewModel keypad) {
        this.call = call;
        this.controls = controls;
        this.audio = audio;
        this.keypad = keypad;
        this.levelMeter = new Timeline(new KeyFrame(LEVEL_EVERY, event -> audio.sampleLevel()));
        levelMeter.setCycleCount(Timeline.INDEFINITE);
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
        bindControls();
        bindAudio();
        buildKeypad();
    }

    private void bindControls() {
        participantActionsColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        participantActionsColumn.setCellFactory(column -> new PartyActionsCell(controls, controls.canActProperty()));
        addTarget.textProperty().bindBidirectional(controls.addTargetProperty());
        transferTarget.textProperty().bindBidirectional(controls.transferTargetProperty());
        transferToQueue.selectedProperty().bindBidirectional(controls.transferToQueueProperty());
        addButton.disableProperty().bind(controls.canAddProperty().not());
        coldTransferButton.disableProperty().bind(controls.canTransferProperty().not());
        warmTransferButton.disableProperty().bind(controls.canWarmTransferProperty().not());
        completeTransferButton.disableProperty().bind(controls.canCompleteTransferProperty().not());
        cancelTransferButton.disableProperty().bind(controls.canCancelTransferProperty().not());
        addButton.setOnAction(event -> controls.add());
        addTarget.setOnAction(event -> controls.add());
        coldTransferButton.setOnAction(event -> controls.transfer(false));
        warmTransferButton.setOnAction(event -> controls.transfer(true));
        completeTransferButton.setOnAction(event -> controls.completeTransfer());
        cancelTransferButton.setOnAction(event -> controls.cancelTransfer());
        Bind.showWhen(transferUnderWayRow, controls.transferUnderWayProperty());
        controls.refusalProperty().addListener((obs, old, reason) -> {
            if (!reason.isEmpty()) {
                showRefusal(reason);
            }
        });
    }

    private void showRefusal(String reason) {
        Alert refused = new Alert(Alert.AlertType.WARNING, reason, ButtonType.OK);
        if (root != null && root.getScene() != null) {
            refused.initOwner(root.getScene().getWindow());
        }
        refused.setTitle("Call control");
        refused.setHeaderText("That was not done");
        refused.getDialogPane().setId("callControlRefusedDialog");
        refused.setOnHidden(event -> controls.refusalSeen());
        refused.show();
    }

    private void bindAudio() {
        inputLevel.progressProperty().bind(audio.levelProperty());
        call.mutedProperty().addListener((obs, old, now) -> audio.setMuted(now));
        call.activeProperty().addListener((obs, old, now) -> showingCall(now));
        showingCall(call.activeProperty().get());
    }

    private void showingCall(boolean active) {
        if (active) {
            levelMeter.play();
        } else {
            levelMeter.stop();
            audio.reset();
            keypad.clear();
        }
    }

    private void buildKeypad() {
        for (int i = 0; i < KeypadViewModel.KEYS.size(); i++) {
            char key = KeypadViewModel.KEYS.get(i);
            Button button = new Button(String.valueOf(key));
            button.setId("key" + (key == '*' ? "Star" : key == '#' ? "Hash" : String.valueOf(key)));
            button.setFocusTraversable(false);
            button.setOnAction(event -> keypad.press(key));
            keypadGrid.add(button, i % 3, i / 3);
        }
        keypadDisplay.textProperty().bind(keypad.sentProperty());
        Bind.showText(keypadMessage, keypad.messageProperty());
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

    /** Stops the level meter's timer (the session ends; a running animation would outlive the desk). */
    public void dispose() {
        levelMeter.stop();
    }
}
