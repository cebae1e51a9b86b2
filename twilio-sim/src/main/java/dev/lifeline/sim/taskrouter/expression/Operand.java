package dev.lifeline.sim.taskrouter.expression;

import java.util.Map;

/** One side of a comparison: a constant or a JSON key reference. */
sealed interface Operand {

    Object valueIn(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker);

    /**
     * A constant: a {@code String}, a {@code BigDecimal}, a {@code Boolean}, {@code null}, or an unmodifiable
     * {@code List} of those (a list literal).
     */
    record Constant(Object value) implements Operand {
        @Override
        public Object valueIn(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
            return value;
        }
    }

    record Attribute(AttributePath path) implements Operand {
        @Override
        public Object valueIn(Map<String, Object> bare, Map<String, Object> task, Map<String, Object> worker) {
            return path.resolve(bare, task, worker);
        }
    }
}
