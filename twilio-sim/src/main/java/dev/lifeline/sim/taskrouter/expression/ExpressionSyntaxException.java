package dev.lifeline.sim.taskrouter.expression;

/** An expression that does not parse; the message names the problem and where it is. */
public final class ExpressionSyntaxException extends RuntimeException {

    public ExpressionSyntaxException(String message) {
        super(message);
    }
}
