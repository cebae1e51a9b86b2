package dev.lifeline.sim.taskrouter.expression;

import java.util.Map;

/**
 * A parsed TaskRouter expression (queue {@code target_workers}, workflow filter and target expressions),
 * following Twilio's "Using TaskRouter Expressions": comparisons ({@code == = != < > <= >=}), {@code HAS},
 * {@code CONTAINS}, {@code IN}, {@code NOT IN}, {@code AND}/{@code &&}, {@code OR}/{@code ||},
 * {@code NOT}/{@code !}, parentheses, string/number/boolean/null/list constants and dotted key paths.
 * Immutable and thread-safe.
 */
public final class Expression {

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @throws ExpressionSyntaxException naming the problem and its position when {@code text} is not a valid expression
     */
    public static Expression parse(String text) {
        return new Expression(text, Parser.parse(text));
    }

    /**
     * Never throws: a comparison between mismatched types is false and a missing key is null, as in TaskRouter.
     *
     * @param bare   what unprefixed names resolve against (task attributes for a workflow filter, worker
     *               attributes for a queue's target_workers and a target expression)
     * @param task   what {@code task.x} resolves against (may be empty)
     * @param worker what {@code worker.x} resolves against (may be empty)
     */
    public boolean matches(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
        return new Evaluator(bare, task, worker).evaluate(root);
    }

    public String text() {
        return text;
    }

    /** The syntax tree, for tests in this package. */
    Node root() {
        return root;
    }

    /** Expressions are equal when their text is: the text fully determines the syntax tree. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Expression expression && expression.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
