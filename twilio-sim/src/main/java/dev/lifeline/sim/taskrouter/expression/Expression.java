package dev.lifeline.sim.taskrouter.expression;

import java.util.Map;

/**
 * A parsed TaskRouter expression (queue {@code target_workers}, workflow filter and target expressions).
 * (API skeleton: the parser and evaluator land with the expression-language work.)
 */
public final class Expression {

    private final String text;

    private Expression(String text) {
        this.text = text;
    }

    /**
     * @throws ExpressionSyntaxException naming the problem and its position when {@code text} is not a valid expression
     */
    public static Expression parse(String text) {
        throw new UnsupportedOperationException("expression parser not implemented yet");
    }

    /**
     * @param bare   what unprefixed names resolve against (task attributes for a workflow filter, worker
     *               attributes for a queue's target_workers and a target expression)
     * @param task   what {@code task.x} resolves against (may be empty)
     * @param worker what {@code worker.x} resolves against (may be empty)
     */
    public boolean matches(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
        throw new UnsupportedOperationException("expression evaluator not implemented yet");
    }

    public String text() {
        return text;
    }
}
