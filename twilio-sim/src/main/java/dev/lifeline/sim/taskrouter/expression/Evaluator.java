package dev.lifeline.sim.taskrouter.expression;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** Evaluates a parsed expression against the three attribute documents; never throws. */
final class Evaluator {

    private final Map<String, Object> bare;
    private final Map<String, Object> task;
    private final Map<String, Object> worker;

    Evaluator(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
        this.bare = bare == null ? Map.of() : bare;
        this.task = task == null ? Map.of() : task;
        this.worker = worker == null ? Map.of() : worker;
    }

    boolean evaluate(Node node) {
        if (node instanceof Node.AnyOf any) {
            for (Node alternative : any.alternatives()) {
                if (evaluate(alternative)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Node.AllOf all) {
            for (Node condition : all.conditions()) {
                if (!evaluate(condition)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Node.Not not) {
            return !evaluate(not.condition());
        }
        Node.Comparison comparison = (Node.Comparison) node;
        return compare(
                comparison.left().valueIn(bare, task, worker),
                comparison.operator(),
                comparison.right().valueIn(bare, task, worker));
    }

    static boolean compare(Object left, Operator operator, Object right) {
        return switch (operator) {
            // A missing key resolves to NULL, so "x == null" means absent and "x != null" means present.
            case EQUALS -> JsonValues.equal(left, right);
            case NOT_EQUALS -> !JsonValues.equal(left, right);
            case LESS_THAN -> ordered(left, right, order -> order < 0);
            case GREATER_THAN -> ordered(left, right, order -> order > 0);
            case LESS_OR_EQUAL -> ordered(left, right, order -> order <= 0);
            case GREATER_OR_EQUAL -> ordered(left, right, order -> order >= 0);
            // "skills HAS 'support'": the left-hand array holds the value.
            case HAS -> left instanceof List<?> list && JsonValues.listContains(list, right);
            // "language IN ['en', 'es']": the right-hand array holds the value.
            case IN -> right instanceof List<?> list && JsonValues.listContains(list, left);
            // NOT IN needs an array on the right too; against a non-array it is a type mismatch, so false.
            case NOT_IN -> right instanceof List<?> list && !JsonValues.listContains(list, left);
            case CONTAINS -> contains(left, right);
        };
    }

    private static boolean ordered(Object left, Object right, IntPredicate test) {
        Integer order = JsonValues.order(left, right);
        return order != null && test.test(order);
    }

    /** A string holds the substring, or an array has an element that holds it (or equals the value). */
    private static boolean contains(Object left, Object right) {
        if (left instanceof String haystack) {
            return right instanceof String needle && haystack.contains(needle);
        }
        if (left instanceof List<?> list) {
            for (Object element : list) {
                if (JsonValues.equal(element, right)
                        || (element instanceof String s && right instanceof String needle && s.contains(needle))) {
                    return true;
                }
            }
        }
        return false;
    }
}
