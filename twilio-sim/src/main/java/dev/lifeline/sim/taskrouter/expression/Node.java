package dev.lifeline.sim.taskrouter.expression;

import java.util.List;

/**
 * The immutable syntax tree of a parsed expression. {@code AND}/{@code OR} chains are n-ary so that a long
 * chain is a flat list, not a deep tree (evaluation never recurses once per term).
 */
sealed interface Node {

    record AnyOf(List<Node> alternatives) implements Node {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    record AllOf(List<Node> conditions) implements Node {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Node condition) implements Node {
    }

    record Comparison(Operand left, Operator operator, Operand right) implements Node {
    }
}
