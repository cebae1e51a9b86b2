package dev.lifeline.desktop.simulator;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.ViewLoader;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;

/** The Simulator: three buttons that play the customer, and the live list of the demo customers' calls. */
public final class SimulatorView {

    private final SimulatorViewModel model;
    private final String server;
    private final Parent root;

    @FXML private Label serverLabel;
    @FXML private Button callInButton;
    @FXML private Button thirdPartyButton;
    @FXML private Button hangUpButton;
    @FXML private TableView<CustomerCallRow> callTable;
    @FXML private TableColumn<CustomerCallRow, String> fromColumn;
    @FXML private TableColumn<CustomerCallRow, String> statusColumn;
    @FXML private TableColumn<CustomerCallRow, String> activityColumn;
    @FXML private TableColumn<CustomerCallRow, String> conferenceColumn;
    @FXML private Label errorMessage;
    @FXML private Circle connectionDot;
    @FXML private Label connectionState;
    @FXML private Label statusMessage;

    public SimulatorView(SimulatorViewModel model, String server) {
        this.model = model;
        this.server = server;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        serverLabel.setText(server);
        callTable.setItems(model.calls());
        callTable.setPlaceholder(new Label("No customer has called yet: press \"Customer calls in\""));
        column(fromColumn, CustomerCallRow::fromProperty);
        column(statusColumn, CustomerCallRow::statusProperty);
        column(activityColumn, CustomerCallRow::activityProperty);
        column(conferenceColumn, CustomerCallRow::conferenceProperty);
        // Both directions: a click selects in the model; a poll that rebuilds the list restores the table's selection.
        callTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != callTable.getSelectionModel().getSelectedItem()) {
                if (now == null) {
                    callTable.getSelectionModel().clearSelection();
                } else {
                    callTable.getSelectionModel().select(now);
                }
            }
        });

        callInButton.disableProperty().bind(model.busyProperty());
        callInButton.setOnAction(event -> model.customerCallsIn());
        thirdPartyButton.disableProperty().bind(model.busyProperty().or(model.selectedCallIsLiveProperty().not()));
        thirdPartyButton.setOnAction(event -> model.addThirdParty());
        hangUpButton.disableProperty().bind(model.busyProperty().or(model.selectedCallIsLiveProperty().not()));
        hangUpButton.setOnAction(event -> model.hangUp());

        Bind.showText(errorMessage, model.errorProperty());
        statusMessage.textProperty().bind(model.statusProperty());
        connectionState.textProperty().bind(Bindings.when(model.reachableProperty())
                .then("Connected").otherwise("Not connected"));
        model.reachableProperty().addListener((obs, was, now) -> styleConnection(now));
        styleConnection(model.reachableProperty().get());
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, ObservableValue<String>> property) {
        column.setCellValueFactory(cell -> property.apply(cell.getValue()));
    }

    private void styleConnection(boolean reachable) {
        connectionDot.getStyleClass().removeAll("connected", "reconnecting");
        connectionDot.getStyleClass().add(reachable ? "connected" : "reconnecting");
    }

    public Parent root() {
        return root;
    }
}
