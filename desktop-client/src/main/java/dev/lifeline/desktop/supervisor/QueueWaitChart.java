package dev.lifeline.desktop.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * The panel's wait-time chart: one line per queue, its longest wait (seconds) over the last 30 minutes, the x axis in
 * minutes before the latest snapshot (−30 … 0). Redrawn from {@link QueueWaitHistory} on each snapshot.
 */
final class QueueWaitChart {

    private final QueueWaitHistory history;
    private final LineChart<Number, Number> chart;

    QueueWaitChart(QueueWaitHistory history) {
        this.history = history;
        NumberAxis minutes = new NumberAxis("Minutes ago", -QueueWaitHistory.WINDOW.toMinutes(), 0, 5);
        NumberAxis seconds = new NumberAxis();
        seconds.setLabel("Longest wait (s)");
        seconds.setMinorTickVisible(false);
        chart = new LineChart<>(minutes, seconds);
        chart.setId("queueWaitChart");
        chart.setTitle("Wait per queue, last 30 minutes");
        // A push a second: animating each would only make the line lag.
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        history.changesProperty().addListener((obs, old, now) -> redraw());
        redraw();
    }

    private void redraw() {
        Instant now = history.latest();
        Map<String, List<QueueWaitHistory.Point>> points = history.points();
        chart.getData().removeIf(series -> !points.containsKey(series.getName()));
        points.forEach((queue, line) -> {
            XYChart.Series<Number, Number> series = chart.getData().stream().filter(s -> s.getName().equals(queue))
                    .findFirst().orElseGet(() -> {
                        XYChart.Series<Number, Number> added = new XYChart.Series<>();
                        added.setName(queue);
                        chart.getData().add(added);
                        return added;
                    });
            series.getData().setAll(line.stream().map(point -> new XYChart.Data<Number, Number>(
                    -Duration.between(point.at(), now).toMillis() / 60_000.0, point.longestWaitSeconds())).toList());
        });
    }

    LineChart<Number, Number> node() {
        return chart;
    }
}
