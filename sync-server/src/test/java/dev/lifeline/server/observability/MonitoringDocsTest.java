package dev.lifeline.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules shipped in {@code docs/monitoring/} (issue 19) load, are complete,
 * and name only metrics the server exposes, so a renamed metric cannot silently empty a panel or mute an alert.
 */
class MonitoringDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "monitoring");
    private static final Pattern METRIC = Pattern.compile("lifeline_[a-z_]+");

    @Test
    void theDashboardLoadsAndEveryPanelQueriesAMetricTheServerExposes() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DOCS.resolve("lifeline-queues.dashboard.json")));

        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(5);
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("title").asText()).as("panel %s", panel.path("id")).isNotBlank();
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        assertThat(expressions).allSatisfy(expr -> assertThat(expr).isNotBlank());
        assertThat(metricsIn(expressions)).isSubsetOf(exposed()).contains("lifeline_queue_answer_wait_seconds_bucket",
                "lifeline_queue_abandoned_total", "lifeline_queue_estimated_wait_seconds")
                .contains(QueueGauges.WAITING, QueueGauges.LONGEST_WAIT, QueueGauges.AVERAGE_WAIT,
                        QueueGauges.ESTIMATED_WAIT, QueueGauges.SERVICE_LEVEL, QueueGauges.ABANDONMENT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesLoadAndEachHasAnExpressionASeverityAndASummaryOverExposedMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DOCS.resolve("lifeline-queues.alerts.yml")));

        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        assertThat(groups).isNotEmpty();
        List<String> expressions = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                names.add((String) rule.get("alert"));
                expressions.add((String) rule.get("expr"));
                assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as(rule.get("alert").toString())
                        .isIn("warning", "critical");
                assertThat(((Map<String, Object>) rule.get("annotations")).get("summary")).isNotNull();
            }
        }
        assertThat(names).contains("LifelineQueueServiceLevelLow", "LifelineQueueAbandonmentHigh",
                "LifelineQueueEstimatedWaitLong");
        assertThat(metricsIn(expressions)).isSubsetOf(exposed())
                .contains(QueueGauges.LONGEST_WAIT, QueueGauges.SERVICE_LEVEL, QueueGauges.ABANDONMENT);
    }

    /** Every series name the server's registry writes once each queue metric has a value. */
    private static Set<String> exposed() {
        LifelineMetrics metrics = new LifelineMetrics();
        metrics.queueAnswered("sales", Duration.ofSeconds(12));
        metrics.queueAbandoned("sales");
        metrics.queueEstimatedWait("sales", Duration.ofSeconds(30));
        metrics.customerStranded();
        metrics.queueFiguresFrom(() -> List.of(new QueueStats("Sales", "WQ1", 1, 12, 0, 1, 0, new QueueService(
                Duration.ofMinutes(30), 20, 2, 1, 1, Duration.ofSeconds(17), Duration.ofSeconds(5)))));
        Set<String> names = new TreeSet<>();
        metrics.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static Set<String> metricsIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
