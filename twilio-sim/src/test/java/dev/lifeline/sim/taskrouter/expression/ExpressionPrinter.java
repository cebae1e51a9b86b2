package dev.lifeline.sim.taskrouter.expression;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a syntax tree back to canonical expression text (fully parenthesised), for round-trip tests. */
final class ExpressionPrinter {

    private ExpressionPrinter() {
    }

    static String print(Node node) {
        if (node instanceof Node.AnyOf any) {
            return any.alternatives().stream().map(ExpressionPrinter::group).collect(Collectors.joining(" OR "));
        }
        if (node instanceof Node.AllOf all) {
            return all.conditions().stream().map(ExpressionPrinter::group).collect(Collectors.joining(" AND "));
        }
        if (node instanceof Node.Not not) {
            return "NOT " + group(not.condition());
        }
        Node.Comparison comparison = (Node.Comparison) node;
        return operand(comparison.left()) + " " + comparison.operator().symbol() + " " + operand(comparison.right());
    }

    private static String group(Node node) {
        return node instanceof Node.Comparison ? print(node) : "(" + print(node) + ")";
    }

    private static String operand(Operand operand) {
        if (operand instanceof Operand.Attribute attribute) {
            return path(attribute.path());
        }
        return constant(((Operand.Constant) operand).value());
    }

    private static String path(AttributePath path) {
        StringBuilder text = new StringBuilder(switch (path.scope()) {
            case BARE -> "";
            case TASK -> "task";
            case WORKER -> "worker";
        });
        for (Object segment : path.segments()) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    private static String constant(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExpressionPrinter::constant).collect(Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
