package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.ViewLoader;
import dev.lifeline.model.agent.Activity;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The frame of the agent's desk: activity selector, a status bar that always shows the connection to the server, and
 * the places where the features' own views go (the incoming call, the call in progress, the wrap-up list, the phone's
 * line in the status bar). Binds to
 * {@link AgentDeskViewModel} only and holds no state of its own; each embedded view shows itself when it has
 * something to show, and the frame only decides that a call in progress hides a ringing one.
 */
public final class AgentDeskView {

    private final AgentDeskViewModel desk;
    private final Node incomingCall;
    private final Node activeCall;
    private final Node wrapUp;
    private final Node phoneStatus;
    private final Node dialPad;
    private final Runnable openAudioSettings;
    private final Parent root;

    @FXML private Label agentName;
    @FXML private Label activityNote;
    @FXML private ComboBox<Activity> activitySelector;
    @FXML private Button audioSettingsButton;
    @FXML private VBox idleCard;
    @FXML private StackPane offerSlot;
    @FXML private StackPane callSlot;
    @FXML private StackPane wrapUpSlot;
    @FXML private StackPane dialPadSlot;
    @FXML private Circle connectionDot;
    @FXML private Label connectionState;
    @FXML private StackPane phoneSlot;
    @FXML private Label statusMessage;

    /**
     * @param incomingCall the ringing call's view, visible while it rings
     * @param activeCall   the call in progress's view, visible while there is one
     * @param wrapUp       the wrap-up list's view
     * @param phoneStatus  the softphone's line for the status bar
     * @param openAudioSettings opens the audio settings dialog (the header's "Audio…" button)
     */
    public AgentDeskView(AgentDeskViewModel desk, Node incomingCall, Node activeCall, Node wrapUp, Node phoneStatus,
                         Runnable openAudioSettings) {
        this(desk, incomingCall, activeCall, wrapUp, phoneStatus, openAudioSettings, null);
    }

    /** @param dialPad the dial pad's view (dialpad/), under the wrap-up list; null for none */
    public AgentDeskView(AgentDeskViewModel desk, Node incomingCall, Node activeCall, Node wrapUp, Node phoneStatus,
                         Runnable openAudioSettings, Node dialPad) {
        this.desk = desk;
        this.incomingCall = incomingCall;
        this.activeCall = activeCall;
        this.wrapUp = wrapUp;
        this.phoneStatus = phoneStatus;
        this.openAudioSettings = openAudioSettings;
        this.dialPad = dialPad;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        bindHeader();
        embedFeatureViews();
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
        audioSettingsButton.setOnAction(event -> openAudioSettings.run());
    }

    private void embedFeatureViews() {
        offerSlot.getChildren().setAll(incomingCall);
        callSlot.getChildren().setAll(activeCall);
        wrapUpSlot.getChildren().setAll(wrapUp);
        phoneSlot.getChildren().setAll(phoneStatus);
        if (dialPad != null) {
            dialPadSlot.getChildren().setAll(dialPad);
        }
        // A slot is shown only with its view: an empty slot on top of the stack would still take the mouse clicks.
        Bind.showWhen(callSlot, activeCall.visibleProperty());
        Bind.showWhen(offerSlot, incomingCall.visibleProperty().and(activeCall.visibleProperty().not()));
        Bind.showWhen(idleCard, offerSlot.visibleProperty().not().and(callSlot.visibleProperty().not()));
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
