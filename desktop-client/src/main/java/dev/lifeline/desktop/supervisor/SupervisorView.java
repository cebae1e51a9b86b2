package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.RefusalDialog;
import dev.lifeline.desktop.ui.ViewLoader;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The supervisor's live queue panel: queues (with their service figures and a 30-minute wait chart), agents, recoveries in progress (with Cancel), recent outcomes and the
 * last hour's statistics ({@link RecoveryStatisticsView}).
 */
public final class SupervisorView {

    private final SupervisorViewModel model;
    private final ListenViewModel listen;
    private final Consumer<AgentRow> showDevices;
    private final Parent root;

    @FXML private Label updatedAt;
    @FXML private Label alertBanner;
    @FXML private TableView<QueueRow> queueTable;
    @FXML private TableColumn<QueueRow, String> queueNameColumn;
    @FXML private TableColumn<QueueRow, Number> queueWaitingColumn;
    @FXML private TableColumn<QueueRow, String> queueLongestColumn;
    @FXML private TableColumn<QueueRow, Number> queueAvailableColumn;
    @FXML private TableColumn<QueueRow, Number> queueBusyColumn;
    @FXML private TableColumn<QueueRow, Number> queueOfflineColumn;
    @FXML private TableColumn<QueueRow, String> queueAverageColumn;
    @FXML private TableColumn<QueueRow, String> queueEstimateColumn;
    @FXML private TableColumn<QueueRow, String> queueAbandonedColumn;
    @FXML private TableColumn<QueueRow, String> queueServiceLevelColumn;
    @FXML private VBox queueChartSlot;
    @FXML private TableView<AgentRow> agentTable;
    @FXML private Button agentDevicesButton;
    @FXML private Button listenButton;
    @FXML private Button whisperButton;
    @FXML private Button leaveCallButton;
    @FXML private Label listenState;
    @FXML private TableColumn<AgentRow, String> agentNameColumn;
    @FXML private TableColumn<AgentRow, String> agentActivityColumn;
    @FXML private TableColumn<AgentRow, String> agentPresenceColumn;
    @FXML private TableColumn<AgentRow, String> agentStateColumn;
    @FXML private TableColumn<AgentRow, String> agentSinceColumn;
    @FXML private TableView<IncidentRow> incidentTable;
    @FXML private TableColumn<IncidentRow, String> incidentAgentColumn;
    @FXML private TableColumn<IncidentRow, String> incidentCustomerColumn;
    @FXML private TableColumn<IncidentRow, String> incidentPhaseColumn;
    @FXML private TableColumn<IncidentRow, String> incidentElapsedColumn;
    @FXML private TableColumn<IncidentRow, String> incidentCountdownColumn;
    @FXML private Button cancelIncidentButton;
    @FXML private VBox statisticsSlot;
    @FXML private TableView<FinishedRow> finishedTable;
    @FXML private TableColumn<FinishedRow, String> finishedAtColumn;
    @FXML private TableColumn<FinishedRow, String> finishedAgentColumn;
    @FXML private TableColumn<FinishedRow, String> finishedCustomerColumn;
    @FXML private TableColumn<FinishedRow, String> finishedOutcomeColumn;
    @FXML private TableColumn<FinishedRow, String> finishedTimeColumn;
    @FXML private Circle connectionDot;
    @FXML private Label connectionState;
    @FXML private Label statusMessage;

    public SupervisorView(SupervisorViewModel model) {
        this(model, null, agent -> { });
    }

    /**
     * @param listen      the supervisor listening in on agents' calls (issue 18); null hides Listen, Whisper and Leave
     * @param showDevices opens the selected agent's devices (issue 14: the supervisor may revoke one)
     */
    public SupervisorView(SupervisorViewModel model, ListenViewModel listen, Consumer<AgentRow> showDevices) {
        this.model = model;
        this.listen = listen;
        this.showDevices = showDevices;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        updatedAt.textProperty().bind(model.updatedAtProperty());
        Bind.showText(alertBanner, model.alertProperty());
        queueTable.setItems(model.queues());
        queueTable.setPlaceholder(new Label("No queues yet"));
        column(queueNameColumn, QueueRow::nameProperty);
        column(queueWaitingColumn, QueueRow::waitingProperty);
        column(queueLongestColumn, QueueRow::longestWaitProperty);
        column(queueAvailableColumn, QueueRow::availableProperty);
        column(queueBusyColumn, QueueRow::busyProperty);
        column(queueOfflineColumn, QueueRow::offlineProperty);
        column(queueAverageColumn, QueueRow::averageWaitProperty);
        column(queueEstimateColumn, QueueRow::estimatedWaitProperty);
        column(queueAbandonedColumn, QueueRow::abandonedProperty);
        column(queueServiceLevelColumn, QueueRow::serviceLevelProperty);
        queueChartSlot.getChildren().add(new QueueWaitChart(model.waitHistory()).node());

        agentTable.setItems(model.agents());
        agentTable.setPlaceholder(new Label("No agents signed in"));
        column(agentNameColumn, AgentRow::nameProperty);
        column(agentActivityColumn, AgentRow::activityProperty);
        column(agentPresenceColumn, AgentRow::presenceProperty);
        column(agentStateColumn, AgentRow::stateProperty);
        column(agentSinceColumn, AgentRow::sinceProperty);
        agentDevicesButton.disableProperty().bind(agentTable.getSelectionModel().selectedItemProperty().isNull());
        agentDevicesButton.setOnAction(event -> showDevices.accept(agentTable.getSelectionModel().getSelectedItem()));
        listenControls();

        incidentTable.setItems(model.incidents());
        incidentTable.setPlaceholder(new Label("No recovery in progress"));
        column(incidentAgentColumn, IncidentRow::agentProperty);
        column(incidentCustomerColumn, IncidentRow::customerProperty);
        column(incidentPhaseColumn, IncidentRow::phaseProperty);
        column(incidentElapsedColumn, IncidentRow::elapsedProperty);
        column(incidentCountdownColumn, IncidentRow::countdownProperty);
        cancelIncidentButton.disableProperty().bind(incidentTable.getSelectionModel().selectedItemProperty().isNull());
        cancelIncidentButton.setOnAction(event -> model.cancel(incidentTable.getSelectionModel().getSelectedItem()));

        statisticsSlot.getChildren().add(new RecoveryStatisticsView(model.statistics()).root());
        finishedTable.setItems(model.finished());
        finishedTable.setPlaceholder(new Label("Nothing finished yet"));
        column(finishedAtColumn, FinishedRow::finishedAtProperty);
        column(finishedAgentColumn, FinishedRow::agentProperty);
        column(finishedCustomerColumn, FinishedRow::customerProperty);
        column(finishedOutcomeColumn, FinishedRow::outcomeProperty);
        column(finishedTimeColumn, FinishedRow::timeToReconnectProperty);

        connectionState.textProperty().bind(Bindings.createStringBinding(
                () -> model.connectionProperty().get().text(), model.connectionProperty()));
        model.connectionProperty().addListener((obs, old, now) -> styleConnection(now));
        styleConnection(model.connectionProperty().get());
        statusMessage.textProperty().bind(model.statusProperty());
    }

    /** Listen on a selected agent with a live call, Whisper while listening, Leave while on a call. */
    private void listenControls() {
        for (Button button : java.util.List.of(listenButton, whisperButton, leaveCallButton)) {
            button.setVisible(listen != null);
            button.setManaged(listen != null);
        }
        if (listen == null) {
            listenState.setManaged(false);
            return;
        }
        Runnable refresh = () -> {
            ListenViewModel.Mode mode = listen.modeProperty().get();
            listenButton.setDisable(!listen.canListenTo(agentTable.getSelectionModel().getSelectedItem()));
            whisperButton.setDisable(mode != ListenViewModel.Mode.LISTENING);
            leaveCallButton.setDisable(mode == ListenViewModel.Mode.IDLE);
        };
        agentTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> refresh.run());
        listen.modeProperty().addListener((obs, old, now) -> refresh.run());
        // Each snapshot may start or end the selected agent's call.
        model.updatedAtProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        listenButton.setOnAction(event -> listen.listen(agentTable.getSelectionModel().getSelectedItem()));
        whisperButton.setOnAction(event -> listen.whisper());
        leaveCallButton.setOnAction(event -> listen.leave());
        listenState.textProperty().bind(listen.statusProperty());
        listen.refusalProperty().addListener((obs, old, reason) -> {
            if (!reason.isEmpty()) {
                showRefusal(reason);
            }
        });
    }

    private void showRefusal(String reason) {
        RefusalDialog.show(root, "Listen in", "The server said no", reason, "listenRefusedDialog", listen::refusalSeen);
    }

    private static <R, V> void column(TableColumn<R, V> column, Function<R, ? extends ObservableValue<? extends V>> property) {
        column.setCellValueFactory(cell -> {
            @SuppressWarnings("unchecked")
            ObservableValue<V> value = (ObservableValue<V>) property.apply(cell.getValue());
            return value;
        });
    }

    private void styleConnection(ConnectionState state) {
        connectionDot.getStyleClass().removeAll("connected", "reconnecting");
        connectionDot.getStyleClass().add(state == ConnectionState.CONNECTED ? "connected" : "reconnecting");
    }

    public Parent root() {
        return root;
    }
}
