package dev.lifeline.sim.taskrouter.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equality and ordering of Jackson-style JSON values (String, any Number, Boolean, List, Map, null).
 * Nothing here throws: a comparison TaskRouter cannot make (e.g. a string against a number) is simply unequal
 * and unordered, since Twilio documents only that "comparisons between different types should be avoided".
 */
final class JsonValues {

    private JsonValues() {
    }

    /** Numbers compare by value across Integer/Long/Double/BigDecimal (1 equals 1.0); lists and maps deeply. */
    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return listsEqual(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return mapsEqual(x, y);
        }
        return a.equals(b);
    }

    /**
     * The order of two numbers or two strings (strings lexically, by UTF-16 code unit, case-sensitive);
     * {@code null} when the values are not both numbers or both strings.
     */
    static Integer order(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        return null;
    }

    static boolean listContains(List<?> list, Object value) {
        for (Object element : list) {
            if (equal(element, value)) {
                return true;
            }
        }
        return false;
    }

    private static int compareNumbers(Number a, Number b) {
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        if (x == null || y == null) {
            // NaN or an infinity: BigDecimal cannot hold it, double ordering can.
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return x.compareTo(y);
    }

    /** The exact decimal value of a number, or {@code null} for NaN and infinities. */
    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        // Double.toString gives the shortest decimal that round-trips, so a JSON 5.1 compares equal to 5.1.
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    private static boolean listsEqual(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> x = a.iterator();
        Iterator<?> y = b.iterator();
        while (x.hasNext()) {
            if (!equal(x.next(), y.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            if (!b.containsKey(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
