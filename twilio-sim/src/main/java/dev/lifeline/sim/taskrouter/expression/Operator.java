package dev.lifeline.sim.taskrouter.expression;

/** The comparison operators of the TaskRouter expression language. */
enum Operator {
    EQUALS("=="),
    NOT_EQUALS("!="),
    LESS_THAN("<"),
    GREATER_THAN(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    HAS("HAS"),
    CONTAINS("CONTAINS"),
    IN("IN"),
    NOT_IN("NOT IN");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical spelling ({@code =} is read as {@code ==}, keywords in upper case). */
    String symbol() {
        return symbol;
    }
}
