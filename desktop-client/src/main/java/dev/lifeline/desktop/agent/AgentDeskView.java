package dev.lifeline.desktop.agent;

import dev.lifeline.desktop.call.CallViewModel;
import dev.lifeline.desktop.call.ParticipantRow;
import dev.lifeline.desktop.call.WrapUpRow;
import dev.lifeline.desktop.call.WrapUpViewModel;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.reservations.ReservationOfferViewModel;
import dev.lifeline.desktop.ui.ViewLoader;
import dev.lifeline.model.agent.Activity;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The agent's desk: activity selector, incoming call card, active call, wrap-up, and a status bar that always
 * shows the connection to the server. Binds to its view models and holds no state of its own.
 */
public final class AgentDeskView {

    private final AgentDeskViewModel desk;
    private final ReservationOfferViewModel offer;
    private final CallViewModel call;
    private final WrapUpViewModel wrapUp;
    private final Parent root;

    @FXML private Label agentName;
    @FXML private Label activityNote;
    @FXML private ComboBox<Activity> activitySelector;
    @FXML private VBox idleCard;
    @FXML private VBox offerCard;
    @FXML private Label ringCountdown;
    @FXML private Label callerName;
    @FXML private Label callerDetails;
    @FXML private ProgressBar ringProgress;
    @FXML private Button acceptButton;
    @FXML private Button rejectButton;
    @FXML private Label offerError;
    @FXML private VBox callCard;
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
    @FXML private Label wrapUpBlocked;
    @FXML private VBox wrapUpList;
    @FXML private Label wrapUpEmpty;
    @FXML private Label wrapUpError;
    @FXML private Circle connectionDot;
    @FXML private Label connectionState;
    @FXML private Label statusMessage;

    public AgentDeskView(AgentDeskViewModel desk, ReservationOfferViewModel offer, CallViewModel call,
                         WrapUpViewModel wrapUp) {
        this.desk = desk;
        this.offer = offer;
        this.call = call;
        this.wrapUp = wrapUp;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindOffer();
        bindCall();
        bindWrapUp();
        bindStatusBar();
    }

    private void bindHeader() {
        agentName.textProperty().bind(desk.agentNameProperty());
        activityNote.textProperty().bind(desk.activityNoteProperty());
        activitySelector.getItems().setAll(Activity.values());
        activitySelector.setCellFactory(list -> new ActivityCell());
        activitySelector.setButtonCell(new ActivityCell());
        activitySelector.valueProperty().bindBidirectional(desk.activityProperty());
        activitySelector.setOnAction(event -> desk.chooseActivity(activitySelector.getValue()));
    }

    private void bindOffer() {
        showWhen(offerCard, offer.ringingProperty().and(call.activeProperty().not()));
        showWhen(idleCard, offer.ringingProperty().not().and(call.activeProperty().not()));
        callerName.textProperty().bind(offer.callerProperty());
        callerDetails.textProperty().bind(offer.detailsProperty());
        ringCountdown.textProperty().bind(offer.countdownProperty());
        ringProgress.progressProperty().bind(offer.ringProgressProperty());
        acceptButton.disableProperty().bind(offer.busyProperty());
        rejectButton.disableProperty().bind(offer.busyProperty());
        acceptButton.setOnAction(event -> offer.accept());
        rejectButton.setOnAction(event -> offer.reject());
        bindError(offerError, offer.errorProperty());
    }

    private void bindCall() {
        showWhen(callCard, call.activeProperty());
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
        bindError(callError, call.errorProperty());
    }

    private void bindWrapUp() {
        showWhen(wrapUpBlocked, wrapUp.blockedProperty());
        showWhen(wrapUpEmpty, Bindings.isEmpty(wrapUp.rows()));
        wrapUp.rows().addListener((ListChangeListener<WrapUpRow>) change -> renderWrapUpRows());
        renderWrapUpRows();
        bindError(wrapUpError, wrapUp.errorProperty());
    }

    private void renderWrapUpRows() {
        wrapUpList.getChildren().setAll(wrapUp.rows().stream().map(this::wrapUpLine).toList());
    }

    private Node wrapUpLine(WrapUpRow row) {
        Label title = new Label(row.title());
        title.getStyleClass().add("wrap-up-title");
        Label status = new Label(row.statusText());
        status.getStyleClass().add("muted-text");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button action = new Button(row.actionText());
        action.setId("wrapUpAction-" + row.taskSid());
        action.getStyleClass().addAll("wrap-up-action", "secondary");
        action.disableProperty().bind(wrapUp.blockedProperty());
        action.setOnAction(event -> wrapUp.act(row));
        HBox line = new HBox(10, title, status, gap, action);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("wrap-up-row");
        return line;
    }

    private void bindStatusBar() {
        connectionState.textProperty().bind(Bindings.createStringBinding(
                () -> desk.connectionProperty().get().text(), desk.connectionProperty()));
        desk.connectionProperty().addListener((obs, old, now) -> styleConnection(now));
        styleConnection(desk.connectionProperty().get());
        statusMessage.textProperty().bind(desk.statusProperty());
    }

    private void styleConnection(ConnectionState state) {
        connectionDot.getStyleClass().removeAll("connected", "reconnecting");
        connectionDot.getStyleClass().add(state == ConnectionState.CONNECTED ? "connected" : "reconnecting");
    }

    /** Keyboard shortcuts for the common actions; a shortcut does what its visible, enabled button would. */
    public void installShortcuts(Scene scene) {
        shortcut(scene, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), acceptButton);
        shortcut(scene, new KeyCodeCombination(KeyCode.BACK_SPACE, KeyCombination.SHORTCUT_DOWN), rejectButton);
        shortcut(scene, new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), muteButton);
        shortcut(scene, new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), holdButton);
        shortcut(scene, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), hangUpButton);
    }

    private static void shortcut(Scene scene, KeyCombination keys, Button button) {
        scene.getAccelerators().put(keys, () -> {
            if (isShown(button) && !button.isDisabled()) {
                button.fire();
            }
        });
    }

    private static boolean isShown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
    }

    public Parent root() {
        return root;
    }

    private static final class ActivityCell extends ListCell<Activity> {
        @Override
        protected void updateItem(Activity item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.friendlyName());
        }
    }
}
