package dev.lifeline.sim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.sim.taskrouter.expression.Expression;
import dev.lifeline.sim.taskrouter.expression.ExpressionSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The TaskRouter expression language (workflow filters, worker and target expressions): {@link Expression#parse}
 * fails only with an {@link ExpressionSyntaxException}, and a parsed expression's {@code matches} never throws,
 * whatever the task and worker attributes hold — TaskRouter treats an expression that does not apply as false.
 */
class ExpressionParserFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> DOCUMENTS = List.of(
            Map.of(),
            Map.of("skills", List.of("english", "spanish"), "level", 7, "name", "alice", "recovery", true),
            Map.of("a", 1, "b", "x", "list", List.of("x", 1, 2.5), "obj", Map.of("k", List.of(true))),
            Map.of("lifeline", Map.of("agent", "WKalice", "ping", "true"), "contact_uri", "client:alice"));

    /** Seeds: {@code ExpressionParserFuzzTestInputs/expressionsParseOrFailWithASyntaxError/}, one expression per file. */
    @FuzzTest(maxDuration = "60s")
    void expressionsParseOrFailWithASyntaxError(byte[] input) {
        Expression expression;
        try {
            expression = Expression.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ExpressionSyntaxException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        for (Map<String, Object> document : DOCUMENTS) {
            assertThatCode(() -> expression.matches(document, document, document)).as(expression.text())
                    .doesNotThrowAnyException();
        }
    }

    /**
     * Fuzzed attributes too: the first line is the expression, the rest a JSON object used as the task's and the
     * worker's attributes (inputs whose rest is not a JSON object are skipped: the emulator never stores those).
     */
    @FuzzTest(maxDuration = "60s")
    void matchingNeverThrowsWhateverTheAttributes(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 2);
        if (parts.length < 2) {
            return;
        }
        Map<String, Object> attributes;
        try {
            attributes = JSON.readValue(parts[1], new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException notAnObject) {
            return;
        }
        if (attributes == null) {
            return;
        }
        Expression expression;
        try {
            expression = Expression.parse(parts[0]);
        } catch (ExpressionSyntaxException refused) {
            return;
        }
        assertThatCode(() -> expression.matches(attributes, attributes, attributes)).as(expression.text())
                .doesNotThrowAnyException();
        assertThatCode(() -> expression.matches(Map.of(), attributes, DOCUMENTS.get(1))).as(expression.text())
                .doesNotThrowAnyException();
    }
}
