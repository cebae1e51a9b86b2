package dev.lifeline.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.event.QueueSnapshotChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the panel's per-queue figures and its 30-minute wait chart, fed by the fake server's snapshots. Time is
 * the snapshots' {@code takenAt}, set by the test: nothing waits for a clock.
 */
class QueuePanelTest extends DesktopUiTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Override
    protected void script(FakeLifelineServer server) {
        server.queueSnapshot(Samples.queueWithService(T0, 42));
    }

    @Override
    protected String signInAs() {
        return "sam";
    }

    @Test
    void theQueueTableShowsEachQueuesServiceFigures() {
        QueueRow support = awaitRow("Support");
        assertThat(Await.onFx(() -> List.of(support.averageWaitProperty().get(), support.estimatedWaitProperty().get(),
                support.abandonedProperty().get(), support.serviceLevelProperty().get())))
                .containsExactly("0:17", "0:45", "25 %", "67 % ≤ 20 s");

        QueueRow sales = awaitRow("Sales");
        assertThat(Await.onFx(() -> List.of(sales.averageWaitProperty().get(), sales.estimatedWaitProperty().get(),
                sales.abandonedProperty().get(), sales.serviceLevelProperty().get())))
                .containsExactly("—", "—", "—", "—");
        assertThat(Await.onFx(() -> lookup("#queueTable").queryAs(TableView.class).getColumns().stream()
                .map(column -> ((javafx.scene.control.TableColumn<?, ?>) column).getText()).toList()))
                .contains("Avg wait", "New caller", "Abandoned", "Service level");
    }

    @Test
    void theWaitChartGainsAPointPerSnapshotAndDropsThoseOlderThanThirtyMinutes() {
        Await.untilFx("the first point", () -> pointsOf("Support").size() == 1);
        assertThat(pointsOf("Support").get(0)).isEqualTo(Map.entry(0.0, 42));

        awaitServerSocket();
        push(Samples.queueWithService(T0.plus(Duration.ofMinutes(10)), 75));
        Await.untilFx("a second point", () -> pointsOf("Support").size() == 2);
        assertThat(pointsOf("Support")).containsExactly(Map.entry(-10.0, 42), Map.entry(0.0, 75));
        assertThat(pointsOf("Sales")).containsExactly(Map.entry(-10.0, 0), Map.entry(0.0, 0));

        push(Samples.queueWithService(T0.plus(Duration.ofMinutes(31)), 12));
        Await.untilFx("the first point leaves the chart", () -> pointsOf("Support").size() == 2
                && pointsOf("Support").get(1).getValue() == 12);
        assertThat(pointsOf("Support")).containsExactly(Map.entry(-21.0, 75), Map.entry(0.0, 12));
    }

    @Test
    void snapshotsCloserThanTheResolutionAddNoPoint() {
        Await.untilFx("the first point", () -> pointsOf("Support").size() == 1);
        awaitServerSocket();

        push(Samples.queueWithService(T0.plusSeconds(1), 43));
        push(Samples.queueWithService(T0.plus(QueueWaitHistory.RESOLUTION), 52));

        Await.untilFx("the point 10 s later", () -> pointsOf("Support").size() == 2);
        assertThat(pointsOf("Support")).containsExactly(Map.entry(-10.0 / 60, 42), Map.entry(0.0, 52));
    }

    private QueueRow awaitRow(String name) {
        Await.untilFx("the " + name + " queue row", () -> rowNamed(name) != null);
        return Await.onFx(() -> rowNamed(name));
    }

    private QueueRow rowNamed(String name) {
        return lookup("#queueTable").tryQuery()
                .flatMap(table -> ((TableView<?>) table).getItems().stream().map(QueueRow.class::cast)
                        .filter(row -> row.nameProperty().get().equals(name)).findFirst())
                .orElse(null);
    }

    /** The fake server's latest snapshot: pushed, and what a snapshot fetched on (re)connect would read. */
    private void push(dev.lifeline.model.queue.QueueSnapshot snapshot) {
        server.queueSnapshot(snapshot);
        server.push(new QueueSnapshotChanged(snapshot));
    }

    /** The queue's line as drawn: minutes before the latest snapshot → longest wait in seconds. */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<Double, Integer>> pointsOf(String queue) {
        return Await.onFx(() -> lookup("#queueWaitChart").tryQuery()
                .map(node -> ((LineChart<Number, Number>) node).getData().stream()
                        .filter(series -> series.getName().equals(queue))
                        .flatMap(series -> series.getData().stream())
                        .map(point -> Map.entry(point.getXValue().doubleValue(), point.getYValue().intValue()))
                        .collect(Collectors.toList()))
                .orElse(List.of()));
    }
}
