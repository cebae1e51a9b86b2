package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.taskrouter.expression.Expression;
import dev.lifeline.sim.taskrouter.expression.ExpressionSyntaxException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskRouter expression as routing uses it: parsed once when the queue or workflow is saved (so a bad one
 * is a 400 naming the problem), evaluated many times. {@code 1==1}, Twilio's "everyone" expression, is
 * answered without the parser.
 */
final class RoutingExpression {

    private static final Logger log = LoggerFactory.getLogger(RoutingExpression.class);

    private final String text;
    private final Expression parsed;
    private final boolean alwaysTrue;

    private RoutingExpression(String text, Expression parsed, boolean alwaysTrue) {
        this.text = text;
        this.parsed = parsed;
        this.alwaysTrue = alwaysTrue;
    }

    /**
     * @param role what the expression is, for the error message, e.g. {@code target_workers}
     * @throws TwilioApiException 400 "Invalid target_workers expression: …" when it does not parse
     */
    static RoutingExpression compile(String text, String role) {
        if (text == null || text.isBlank() || text.replaceAll("\\s+", "").equals("1==1")) {
            return new RoutingExpression(text == null || text.isBlank() ? "1==1" : text, null, true);
        }
        try {
            return new RoutingExpression(text, Expression.parse(text), false);
        } catch (ExpressionSyntaxException e) {
            throw TwilioApiException.badRequest("Invalid " + role + " expression: " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            // The expression language has not landed yet: keep the text, match nothing.
            log.warn("expression language unavailable; '{}' will match nothing", text);
            return new RoutingExpression(text, null, false);
        }
    }

    String text() {
        return text;
    }

    /** Never throws: an expression that cannot be evaluated does not match (routing must not fail a request). */
    boolean matches(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
        if (alwaysTrue) {
            return true;
        }
        if (parsed == null) {
            return false;
        }
        try {
            return parsed.matches(bare, task, worker);
        } catch (RuntimeException e) {
            log.debug("expression '{}' could not be evaluated: {}", text, e.getMessage());
            return false;
        }
    }
}
