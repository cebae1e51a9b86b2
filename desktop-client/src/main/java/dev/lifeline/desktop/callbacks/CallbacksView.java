package dev.lifeline.desktop.callbacks;

import dev.lifeline.desktop.ui.Bind;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Callbacks view: for an agent the "Schedule callback" form (number, time, zone, reason; the server's refusal
 * shown under it in words), their own callbacks and the queue's; for a supervisor the queue's — scheduled, in
 * progress and failed with the reason — only.
 */
public final class CallbacksView {

    private final VBox root = new VBox(8);

    public CallbacksView(CallbacksViewModel model) {
        root.setId("callbacksView");
        root.getStyleClass().add("callbacks-view");
        root.setStyle("-fx-padding: 12;");
        if (model.agent()) {
            root.getChildren().addAll(heading("Schedule callback"), form(model), heading("My callbacks"),
                    table("myCallbacksTable", model.mine(), "No callbacks scheduled by you"));
        }
        Label status = new Label();
        status.setId("callbacksStatus");
        Bind.showText(status, model.statusProperty());
        root.getChildren().addAll(heading("Queue's callbacks"),
                table("queueCallbacksTable", model.queue(), "No callbacks waiting or failed"), status);
    }

    private static Parent form(CallbacksViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField number = field("callbackNumberField", "+15551230002", model.numberProperty());
        TextField dueAt = field("callbackDueField", "2026-12-07 09:30", model.dueAtProperty());
        TextField zone = field("callbackZoneField", "Europe/London", model.zoneProperty());
        TextField reason = field("callbackReasonField", "what the customer wants", model.reasonProperty());
        grid.addRow(0, new Label("Number"), number, new Label("Time"), dueAt);
        grid.addRow(1, new Label("Zone"), zone, new Label("Reason"), reason);
        Button schedule = new Button("Schedule callback");
        schedule.setId("scheduleCallbackButton");
        schedule.setDefaultButton(false);
        schedule.disableProperty().bind(model.sendingProperty().or(model.numberProperty().isEmpty())
                .or(model.dueAtProperty().isEmpty()));
        schedule.setOnAction(event -> model.schedule());
        Label problem = new Label();
        problem.setId("callbackFormProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        Bind.showText(problem, model.formProblemProperty());
        grid.add(schedule, 3, 2);
        grid.add(problem, 0, 3, 4, 1);
        return grid;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static TableView<CallbackRow> table(String id, ObservableList<CallbackRow> rows, String empty) {
        TableView<CallbackRow> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Due", CallbackRow::due));
        table.getColumns().add(column("Customer", CallbackRow::customer));
        table.getColumns().add(column("Reason", CallbackRow::reason));
        table.getColumns().add(column("State", CallbackRow::state));
        table.getColumns().add(column("Attempts", CallbackRow::attempts));
        table.setPrefHeight(160);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<CallbackRow, String> column(String title, Function<CallbackRow, String> value) {
        TableColumn<CallbackRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    public Parent root() {
        return root;
    }
}
