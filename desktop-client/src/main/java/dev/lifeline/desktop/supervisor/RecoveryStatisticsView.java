package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/** The last hour of recoveries on the supervisor panel: p50/p95 time to reconnect and a bar per outcome. */
public final class RecoveryStatisticsView {

    private final RecoveryStatisticsViewModel model;
    private final Parent root;

    @FXML private Label reconnectP50;
    @FXML private Label reconnectP95;
    @FXML private Label finishedLastHour;
    @FXML private BarChart<String, Number> outcomesChart;

    public RecoveryStatisticsView(RecoveryStatisticsViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        reconnectP50.textProperty().bind(model.p50Property());
        reconnectP95.textProperty().bind(model.p95Property());
        finishedLastHour.textProperty().bind(model.finishedProperty());
        // Bars grow in place once a second; an animation per push would only make the figures lag.
        outcomesChart.setAnimated(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("Recoveries");
        // One bar per outcome, made once: its height follows the count, so the categories never reorder.
        model.outcomes().forEach((label, count) -> {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(label, count.get());
            bar.YValueProperty().bind(count);
            series.getData().add(bar);
        });
        outcomesChart.getData().add(series);
    }

    public Parent root() {
        return root;
    }
}
